package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerGroupsTest {

    @TempDir
    Path proc;

    @Test
    void namesTheJvmsGroupsNiceWhenAutogroupsAreOn() throws IOException {
        Path setting = Files.writeString(proc.resolve("sched_autogroup_enabled"), "1\n");
        Path group = Files.writeString(proc.resolve("autogroup"), "/autogroup-10352 nice 10\n");

        assertThat(SchedulerGroups.describe(setting, group))
                .startsWith("autogroups on (kernel.sched_autogroup_enabled=1)")
                .contains("each PostgreSQL connection is a group of its own")
                .contains("at nice 10;");
    }

    @Test
    void saysWhenAutogroupsAreOff() throws IOException {
        Path setting = Files.writeString(proc.resolve("sched_autogroup_enabled"), "0\n");

        assertThat(SchedulerGroups.describe(setting, proc.resolve("absent"))).startsWith("autogroups off");
    }

    @Test
    void aKernelWithoutTheSettingIsReportedAsUnknown() {
        assertThat(SchedulerGroups.describe(proc.resolve("absent"), proc.resolve("absent")))
                .startsWith("autogroups unknown");
    }
}
