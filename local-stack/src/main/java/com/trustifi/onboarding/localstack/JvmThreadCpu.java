package com.trustifi.onboarding.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU seconds a JVM's own machinery has used so far, by thread, from Linux's {@code /proc}: its JIT compilers
 * ({@code C1 CompilerThread}, {@code C2 CompilerThread}) and its garbage collector ({@code GC Thread#}, G1's
 * concurrent, refinement and service threads; the parallel collector's are {@code GC Thread#} too). On a cold stack
 * they take a large share of a batch's CPU (more than a third of the worker's and half of the API's in 10,000-tenant
 * runs), spent on the services' code without being in it. Zeros where {@code /proc} does not tell.
 */
record JvmThreadCpu(double compilers, double collector) {

    static final JvmThreadCpu NONE = new JvmThreadCpu(0, 0);

    /** Clock ticks per second of {@code /proc}'s times ({@code USER_HZ}), 100 on Linux. */
    static final double TICKS_PER_SECOND = 100;

    static JvmThreadCpu of(long pid) {
        double compilers = 0;
        double collector = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    if (isCompiler(name)) {
                        compilers += seconds(thread);
                    } else if (isCollector(name)) {
                        collector += seconds(thread);
                    }
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException | RuntimeException notReadable) {
            // not Linux, or the process is gone
            return NONE;
        }
        return new JvmThreadCpu(compilers, collector);
    }

    /** Linux keeps the first 15 characters of a thread's name. */
    static boolean isCompiler(String threadName) {
        return threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler");
    }

    static boolean isCollector(String threadName) {
        return threadName.startsWith("GC Thread") || threadName.startsWith("G1 ");
    }

    /** User and system time: fields 14 and 15 of {@code stat}. */
    private static double seconds(Path thread) throws IOException {
        String[] fields = ProcessTreeCpu.fields(Files.readString(thread.resolve("stat")));
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    JvmThreadCpu plus(JvmThreadCpu other) {
        return new JvmThreadCpu(compilers + other.compilers, collector + other.collector);
    }

    JvmThreadCpu minus(JvmThreadCpu before) {
        return new JvmThreadCpu(compilers - before.compilers, collector - before.collector);
    }
}
