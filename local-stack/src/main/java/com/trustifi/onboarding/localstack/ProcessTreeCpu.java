package com.trustifi.onboarding.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU seconds a process and its children have used so far, from Linux's {@code /proc}: for PostgreSQL, whose
 * every connection is a child process of its postmaster, and whose ended children (autovacuum workers, closed
 * connections) the postmaster has reaped into its own children's times. Zero where {@code /proc} does not tell.
 */
final class ProcessTreeCpu {

    private ProcessTreeCpu() {
    }

    static double seconds(long pid) {
        double total = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String[] fields = fields(Files.readString(process.resolve("stat")));
                    if (process.getFileName().toString().equals(Long.toString(pid)) || Long.parseLong(fields[1]) == pid) {
                        total += seconds(fields);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException notLinux) {
            return 0;
        }
        return total;
    }

    /** {@code stat}'s fields after the name, which may hold spaces and parentheses: the state first, then the parent. */
    static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    /** User and system time of the process and of its children that it has waited for (fields 14 to 17). */
    static double seconds(String[] fields) {
        long ticks = 0;
        for (int i = 11; i <= 14; i++) {
            ticks += Long.parseLong(fields[i]);
        }
        return ticks / JvmThreadCpu.TICKS_PER_SECOND;
    }
}
