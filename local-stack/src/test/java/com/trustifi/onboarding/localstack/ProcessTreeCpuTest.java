package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessTreeCpuTest {

    @Test
    void addsAProcesssTimeToTheTimeOfTheChildrenItHasWaitedFor() {
        // a name with spaces and a parenthesis, as PostgreSQL's and Linux's own can be; times in clock ticks
        String stat = "4242 (postgres: a (b) idle) S 4200 4242 4242 0 -1 4194560 500 0 0 0 150 50 30 20 20 0 1 0 100 0 0";
        String[] fields = ProcessTreeCpu.fields(stat);

        assertThat(fields[0]).isEqualTo("S");
        assertThat(Long.parseLong(fields[1])).as("the parent").isEqualTo(4200);
        assertThat(ProcessTreeCpu.seconds(fields)).isEqualTo((150 + 50 + 30 + 20) / JvmThreadCpu.TICKS_PER_SECOND);
    }

    @Test
    void countsAtLeastThisJvmsOwnTimeForItsProcess() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux only");
        double own = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() / 1000.0;

        assertThat(ProcessTreeCpu.seconds(ProcessHandle.current().pid())).isGreaterThanOrEqualTo(own - 0.05);
    }

    @Test
    void aProcessThatIsGoneUsedNothing() {
        assertThat(ProcessTreeCpu.seconds(Long.MAX_VALUE)).isZero();
    }
}
