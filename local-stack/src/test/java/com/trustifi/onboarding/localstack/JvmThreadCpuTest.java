package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmThreadCpuTest {

    @Test
    void tellsTheJitAndTheCollectorByTheirThreadNamesAsLinuxKeepsThem() {
        assertThat(JvmThreadCpu.isCompiler("C2 CompilerThre")).isTrue();
        assertThat(JvmThreadCpu.isCompiler("C1 CompilerThre")).isTrue();
        assertThat(JvmThreadCpu.isCollector("GC Thread#1")).isTrue();
        assertThat(JvmThreadCpu.isCollector("G1 Conc#0")).isTrue();
        assertThat(JvmThreadCpu.isCollector("G1 Refine#0")).isTrue();
        assertThat(JvmThreadCpu.isCompiler("executor-thread")).isFalse();
        assertThat(JvmThreadCpu.isCollector("ForkJoinPool-1-")).isFalse();
        assertThat(JvmThreadCpu.isCollector("VM Thread")).isFalse();
    }

    @Test
    void readsThisJvmsCompilerTimeFromProc() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        // by now this JVM has compiled JUnit, AssertJ and the JDK's own startup code
        JvmThreadCpu own = JvmThreadCpu.of(ProcessHandle.current().pid());
        assertThat(own.compilers()).isPositive();
        assertThat(own.collector()).isNotNegative();
        assertThat(own.minus(own)).isEqualTo(new JvmThreadCpu(0, 0));
    }

    @Test
    void aProcessThatIsGoneUsedNothing() {
        assertThat(JvmThreadCpu.of(Long.MAX_VALUE)).isEqualTo(JvmThreadCpu.NONE);
    }
}
