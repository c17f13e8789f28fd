package com.trustifi.onboarding.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU time went, in seconds so far: the API, the workers, this JVM (the simulator), PostgreSQL and
 * Kafka when started here, everything; and of the API's and the workers', what their JIT compilers and garbage
 * collectors used.
 */
record CpuUse(double api, double workers, double driver, double postgres, double kafka, double machine, JvmThreadCpu apiJvm,
              JvmThreadCpu workersJvm) {

    static CpuUse of(LocalStack stack) throws IOException {
        // the first line of /proc/stat: user nice system idle iowait irq softirq steal, in clock ticks
        String[] total = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        double busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(total[i]) / JvmThreadCpu.TICKS_PER_SECOND;
        }
        double self = ProcessHandle.current().info().totalCpuDuration().map(cpu -> cpu.toMillis() / 1000.0).orElse(0.0);
        return new CpuUse(stack.apiCpuSeconds(), stack.workersCpuSeconds(), self, stack.postgresCpuSeconds(), stack.kafkaCpuSeconds(),
                busy, stack.apiJvmThreadCpu(), stack.workersJvmThreadCpu());
    }

    CpuUse minus(CpuUse before) {
        return new CpuUse(api - before.api, workers - before.workers, driver - before.driver, postgres - before.postgres,
                kafka - before.kafka, machine - before.machine, apiJvm.minus(before.apiJvm), workersJvm.minus(before.workersJvm));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "api %.1f, workers %.1f, simulator %.1f, PostgreSQL %.1f, Kafka %.1f, the status load and the "
                + "rest %.1f, machine %.1f", api, workers, driver, postgres, kafka, machine - api - workers - driver - postgres - kafka, machine);
    }

    /** The JIT's and the collector's part of the services' CPU, for a line of its own. */
    String jvmThreads() {
        return String.format(Locale.ROOT, "api %.1f JIT, %.1f GC; workers %.1f JIT, %.1f GC", apiJvm.compilers(),
                apiJvm.collector(), workersJvm.compilers(), workersJvm.collector());
    }
}
