package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.model.WireDeserializer;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.exchange.CmdletCount;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cancel that cancels: a command waiting on a delayed-retry topic when its onboarding is canceled
 * comes back, is recognised as stale by its generation, and touches Exchange no more. Retry delays
 * are seconds here, minutes in production.
 */
class CancelEndToEndTest {

    private static final Duration LAST_RETRY_PASSED = Duration.ofSeconds(12);
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(ProjectLayout.find(), Files.createTempDirectory("cancel-local-stack"), ShortRetries.worker(1));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aCommandCanceledWhileOnARetryTopicMakesNoExchangeCallAfterTheCancelAndOffboardingLeavesTheTenantClean()
            throws Exception {
        PartnerPortal partner = PartnerPortal.signUp(stack, "Cancel partner");
        SimulatedTenant tenant = newTenant();
        String domain = tenant.domains().stream().map(DomainSpec::name).filter(name -> !name.endsWith(".onmicrosoft.com"))
                .findFirst().orElseThrow();
        var remoteDomainBefore = tenant.remoteDomain("Default").orElseThrow();
        partner.connect(tenant.tenantId());
        assertThat(partner.awaitCheck(tenant.tenantId()).getString("status")).isEqualTo("READY");
        stack.simulator().setTenantFaults(tenant.tenantId(), FaultProfile.NONE.withUnavailableRate(1.0));

        String location = partner.onboard(tenant.tenantId(), partner.relayAccount(domain), domain)
                .then().statusCode(202).extract().header("Location");
        String onboardingId = location.substring(location.lastIndexOf('/') + 1);
        // deferred: the plan ran out of retries and the command waits on the first retry topic
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                partner.request().get(location).then().extract().jsonPath().<String>getList("steps.nextAttemptAt").stream()
                        .anyMatch(next -> next != null));
        partner.request().post(location + "/cancel").then().statusCode(202);
        long callsAtCancel = calls(tenant);
        stack.simulator().clearTenantFaults(tenant.tenantId());

        StatusEvent stopped = awaitWorkerEvent(UUID.fromString(onboardingId), StepOutcome.CANCELED);
        assertThat(stopped.detail()).contains("canceled");
        Thread.sleep(LAST_RETRY_PASSED.toMillis());
        assertThat(calls(tenant)).as("Exchange calls after the cancel").isEqualTo(callsAtCancel);
        assertThat(tenant.outboundConnectors()).isEmpty();
        assertThat(tenant.inboundConnectors()).isEmpty();
        assertThat(tenant.transportRules()).isEmpty();
        assertThat(partner.request().get(location).then().statusCode(200).extract().<String>path("status")).isEqualTo("CANCELED");

        String offboard = partner.request().post(location + "/offboard").then().statusCode(202).extract().header("Location");
        assertThat(partner.awaitTerminal(offboard).getString("status")).isEqualTo("SUCCEEDED");
        Thread.sleep(LAST_RETRY_PASSED.toMillis());
        assertThat(tenant.outboundConnectors()).isEmpty();
        assertThat(tenant.inboundConnectors()).isEmpty();
        assertThat(tenant.transportRules()).isEmpty();
        assertThat(tenant.remoteDomain("Default").orElseThrow()).isEqualTo(remoteDomainBefore);
    }

    private static long calls(SimulatedTenant tenant) {
        return tenant.cmdletCounts().values().stream().mapToLong(CmdletCount::calls).sum();
    }

    /** The worker's own final event for the onboarding (the API ignores it: the onboarding is already CANCELED). */
    private static StatusEvent awaitWorkerEvent(UUID onboardingId, StepOutcome outcome) {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "cancel-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("provisioning-status"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    for (StatusEvent event : read(record.value())) {
                        if (event.onboardingId().equals(onboardingId) && event.outcome() == outcome) {
                            return event;
                        }
                    }
                }
            }
        }
        throw new AssertionError("The worker reported no " + outcome + " for " + onboardingId);
    }

    private static List<StatusEvent> read(byte[] report) {
        try {
            return new WireDeserializer.StatusReports().deserialize("provisioning-status", report).events();
        } catch (RuntimeException notAReport) {
            return List.of();
        }
    }

    private static SimulatedTenant newTenant() {
        String id = UUID.randomUUID().toString();
        String label = "fenced" + id.substring(0, 8);
        return stack.simulator().createTenant(new TenantSpec(id, label + ".onmicrosoft.com", "Fenced Ltd",
                OffsetDateTime.parse("2021-03-04T10:00:00Z"), List.of(DomainSpec.verifiedEmailDomain(label + ".example", true))));
    }
}
