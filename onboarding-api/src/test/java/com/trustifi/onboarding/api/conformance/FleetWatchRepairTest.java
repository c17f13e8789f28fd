package com.trustifi.onboarding.api.conformance;

import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.awaitChecked;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.conformance;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.due;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.lastCheck;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.onboarded;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.WorkerReports;
import com.trustifi.onboarding.api.audit.AuditEntry;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Under REPAIR a drift leads to an onboarding like any other, from the check that found it; a tenant may keep to ALERT. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class FleetWatchRepairTest {

    private static final List<PropertyDrift> DRIFT = List.of(new PropertyDrift("Trustifi Outbound Relay", "StopRuleProcessing", "true", "false"));

    @Inject
    FleetWatch watch;

    @Test
    void underRepairADriftedTenantIsOnboardedAgainAndInSyncOnceThatSucceeds() {
        TestPartner partner = TestPartner.create();
        partner.request().contentType(ContentType.JSON).body(Map.of("checkInterval", "PT1H", "policy", "REPAIR"))
                .put("/v1/conformance/settings").then().statusCode(200);
        String tenant = onboarded(partner);
        String check = check(tenant);

        report(check, tenant, StepOutcome.FAILED, "Drift found", null, DRIFT);

        Onboarding repair = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> repairOf(check), Optional::isPresent).get();
        assertThat(repair.kind).isEqualTo(CommandKind.ONBOARD);
        assertThat(repair.watch).as("a repair is the partner's onboarding, to follow like any other").isFalse();
        assertThat(repair.relayDomains).containsExactly("contoso.example");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("partnerId = ?1 and action = ?2 and resourceId = ?3",
                UUID.fromString(partner.id()), "conformance.repair", repair.id.toString()))).isEqualTo(1);
        assertThat(conformance(partner, tenant)).containsEntry("state", "DRIFTED").containsEntry("policy", "REPAIR");

        WorkerReports.send(FleetWatchFixture.finalEvent(repair.id.toString(), tenant, StepOutcome.SUCCEEDED, "configured", null, List.of()));

        awaitChecked(partner, tenant, "IN_SYNC");
        assertThat(conformance(partner, tenant).get("onboardingId")).isEqualTo(repair.id.toString());
    }

    @Test
    void aTenantWithItsOwnAlertPolicyIsNotRepaired() {
        TestPartner partner = TestPartner.create();
        partner.request().contentType(ContentType.JSON).body(Map.of("checkInterval", "PT6H", "policy", "REPAIR"))
                .put("/v1/conformance/settings").then().statusCode(200);
        String tenant = onboarded(partner);
        Map<String, Object> own = partner.request().contentType(ContentType.JSON).body(Map.of("policy", "ALERT"))
                .put("/v1/tenants/" + tenant + "/conformance/policy").then().statusCode(200).extract().path("$");
        assertThat(own).containsEntry("policy", "ALERT").containsEntry("ownPolicy", true);
        String check = check(tenant);

        report(check, tenant, StepOutcome.FAILED, "Drift found", null, DRIFT);

        awaitChecked(partner, tenant, "DRIFTED");
        assertThat(repairOf(check)).isEmpty();
    }

    private String check(String tenant) {
        due(tenant);
        watch.sweepAsOf(Instant.now());
        return lastCheck(tenant);
    }

    private static Optional<Onboarding> repairOf(String check) {
        return QuarkusTransaction.requiringNew().call(() -> Onboarding.<Onboarding>find("originId", UUID.fromString(check))
                .firstResultOptional());
    }
}
