package com.trustifi.onboarding.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether Linux schedules this machine's processes in groups by session ("autogroups"), which the status reads'
 * tail during a batch depends on: every PostgreSQL connection's process starts a session of its own, so each is a
 * group that takes its turns against the one group of the JVMs the stack started (the README's p99 findings).
 * Printed with the benchmark's figures so that two runs can be compared knowing the machine was set alike.
 */
final class SchedulerGroups {

    static final Path SETTING = Path.of("/proc/sys/kernel/sched_autogroup_enabled");
    static final Path OWN_GROUP = Path.of("/proc/self/autogroup");

    private SchedulerGroups() {
    }

    /** For example "autogroups on (kernel.sched_autogroup_enabled=1): ..., the JVMs started here share one, at nice 0; ...". */
    static String describe(Path setting, Path ownGroup) {
        String enabled = read(setting);
        if (enabled == null) {
            return "autogroups unknown (" + setting + " unreadable)";
        }
        if (enabled.equals("0")) {
            return "autogroups off (kernel.sched_autogroup_enabled=0): threads take their turns one by one, by nice value";
        }
        String group = read(ownGroup);
        String nice = group == null || !group.contains(" nice ") ? "unknown" : group.substring(group.indexOf(" nice ") + 6);
        return "autogroups on (kernel.sched_autogroup_enabled=" + enabled + "): each PostgreSQL connection is a group of"
                + " its own (its process starts a session), the JVMs started here share one, at nice " + nice + "; nice values act within a group only";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
