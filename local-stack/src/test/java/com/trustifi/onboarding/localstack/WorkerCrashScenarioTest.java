package com.trustifi.onboarding.localstack;

import static com.trustifi.onboarding.localstack.CommandDriver.finalEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the worker in the middle of a run: the commands it had not finished are delivered
 * again to its successor, and every tenant ends configured exactly once.
 */
class WorkerCrashScenarioTest {

    private static WorkerUnderTest world;

    @BeforeAll
    static void start() throws Exception {
        world = WorkerUnderTest.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aKilledWorkersUnfinishedTenantsConvergeExactlyOnceUnderItsSuccessor() throws Exception {
        // latency keeps plans in flight long enough for the kill to land in the middle of them
        List<SimulatedTenant> tenants = IntStream.range(0, 30).mapToObj(i -> world.simulator.createTenant(tenant(i))).toList();
        tenants.forEach(tenant -> world.simulator.setTenantFaults(tenant.tenantId(), FaultProfile.NONE.withLatency(50, 150)));
        Map<UUID, SimulatedTenant> onboardings = new LinkedHashMap<>();
        tenants.forEach(tenant -> onboardings.put(world.driver.send(CommandKind.ONBOARD,
                CommandDriver.Request.of(tenant.tenantId(), domainOf(tenant), "crash-secret")), tenant));

        awaitWrites(tenants, 10);
        world.crashAndRestartWorker();

        Map<UUID, List<StatusEvent>> events = new LinkedHashMap<>();
        onboardings.keySet().forEach(id -> events.put(id, world.driver.awaitFinal(id, Duration.ofMinutes(3))));

        events.forEach((id, reported) -> {
            StatusEvent last = finalEvent(reported);
            assertThat(last.outcome()).as(reported.toString()).isEqualTo(StepOutcome.SUCCEEDED);
            assertThat(reported).as("the API applies only a higher sequence: the final one must be the highest")
                    .allMatch(event -> event.sequence() <= last.sequence());
        });
        assertThat(tenants).allSatisfy(tenant -> {
            assertThat(tenant.outboundConnectors()).hasSize(1);
            assertThat(tenant.inboundConnectors()).hasSize(1);
            assertThat(tenant.transportRules()).hasSize(1);
            assertThat(tenant.transportRules().get(0).setHeaderValue()).isEqualTo("crash-secret");
        });
        // what a cut-short run had not yet sent died with it; Exchange saw it: the tenant was checked twice
        assertThat(tenants).as("some plans were cut short and run again from the start")
                .anyMatch(tenant -> tenant.cmdletCounts().get("Get-OrganizationConfig").calls() > 1);
    }

    /** Waits until at least {@code count} tenants have had a write, so that the crash finds work in progress. */
    private static void awaitWrites(List<SimulatedTenant> tenants, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tenants.stream().filter(tenant -> tenant.cmdletCounts().containsKey("New-OutboundConnector")).count() < count) {
            assertThat(System.nanoTime()).as("the worker started writing").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String domainOf(SimulatedTenant tenant) {
        return tenant.domains().stream().map(DomainSpec::name).filter(name -> !name.endsWith(".onmicrosoft.com")).findFirst().orElseThrow();
    }

    private static TenantSpec tenant(int n) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new TenantSpec(UUID.randomUUID().toString(), "crash" + n + id + ".onmicrosoft.com", "Crash " + n,
                OffsetDateTime.parse("2020-06-01T00:00:00Z"), List.of(DomainSpec.verifiedEmailDomain("crash" + n + id + ".example", true)));
    }
}
