package com.trustifi.onboarding.api.conformance;

import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.awaitChecked;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.conformance;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.due;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.lastCheck;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.onboarded;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.report;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.webhook;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.webhookBodies;
import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A drift found is kept property by property, since it was first seen, and told to the partner once per change. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class FleetWatchDriftTest {

    private static final PropertyDrift SEVERITY = new PropertyDrift("Trustifi Outbound Relay", "SetAuditSeverity", "High", "Low");
    private static final PropertyDrift DISABLED = new PropertyDrift("Trustifi Outbound Connector (Send)", "Enabled", "true", "false");

    @Inject
    FleetWatch watch;

    @Test
    void aDriftIsToldOncePerChangeAndClearsWhenTheTenantIsInSyncAgain() {
        TestPartner partner = TestPartner.create();
        webhook(partner);
        String tenant = onboarded(partner);

        String first = check(tenant);
        report(first, tenant, StepOutcome.FAILED, "Drift found: Trustifi Outbound Relay differs: SetAuditSeverity: Low -> High",
                "Onboard the tenant again to repair it", List.of(SEVERITY));
        awaitChecked(partner, tenant, "DRIFTED");
        Map<String, Object> drifted = conformance(partner, tenant);
        List<Map<String, Object>> drift = cast(drifted.get("drift"));
        assertThat(drift).singleElement().satisfies(property -> assertThat(property)
                .containsEntry("object", "Trustifi Outbound Relay").containsEntry("property", "SetAuditSeverity")
                .containsEntry("expected", "High").containsEntry("found", "Low").containsKey("firstSeenAt"));
        Object firstSeen = drift.get(0).get("firstSeenAt");
        assertThat(driftWebhooks(partner)).singleElement().satisfies(body -> assertThat(body).contains("\"drift\":[")
                .contains("SetAuditSeverity").contains("\"onboardingId\":\"" + first + "\""));
        assertThat(webhookBodies(partner)).as("a check is not the partner's onboarding: no onboarding.finished for it")
                .noneMatch(body -> body.contains(first) && body.contains("onboarding.finished"));

        String second = check(tenant);
        report(second, tenant, StepOutcome.FAILED, "Drift found: the same", null, List.of(SEVERITY));
        awaitLastCheckApplied(partner, tenant, second);
        assertThat(driftWebhooks(partner)).as("the same drift again is no news").hasSize(1);
        assertThat(cast(conformance(partner, tenant).get("drift")).get(0).get("firstSeenAt")).isEqualTo(firstSeen);

        String third = check(tenant);
        report(third, tenant, StepOutcome.FAILED, "Drift found: more", null, List.of(SEVERITY, DISABLED));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> driftWebhooks(partner).size() == 2);
        List<Map<String, Object>> grown = cast(conformance(partner, tenant).get("drift"));
        assertThat(grown).hasSize(2);
        assertThat(grown.get(0).get("firstSeenAt")).isEqualTo(firstSeen);

        String fourth = check(tenant);
        report(fourth, tenant, StepOutcome.SUCCEEDED, "The tenant matches the relay profile", null, List.of());
        awaitChecked(partner, tenant, "IN_SYNC");
        assertThat(conformance(partner, tenant).get("drift")).asList().isEmpty();
        assertThat(conformance(partner, tenant).get("history")).asList().hasSize(4);
    }

    private String check(String tenant) {
        due(tenant);
        watch.sweepAsOf(Instant.now());
        return lastCheck(tenant);
    }

    private static void awaitLastCheckApplied(TestPartner partner, String tenant, String check) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> history = cast(conformance(partner, tenant).get("history"));
            return history.get(0).get("id").equals(check) && !"ACCEPTED".equals(history.get(0).get("status"));
        });
    }

    private static List<String> driftWebhooks(TestPartner partner) {
        return webhookBodies(partner).stream().filter(body -> body.contains("\"type\":\"tenant.drifted\"")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cast(Object list) {
        return (List<Map<String, Object>>) list;
    }
}
