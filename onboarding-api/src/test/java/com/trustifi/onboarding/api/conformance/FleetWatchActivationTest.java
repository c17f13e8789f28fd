package com.trustifi.onboarding.api.conformance;

import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.conformance;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.due;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.finalEvent;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.lastCheck;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.report;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.webhook;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.webhookBodies;
import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.WorkerReports;
import com.trustifi.onboarding.api.outbox.OutboxMessage;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
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
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * After an onboarding SUCCEEDED, the fleet watch's first check waits for the rule's propagation and confirms the
 * configuration in effect: ACTIVE, or NOT_PROPAGATED with the reason, on the onboarding, the batch and a webhook.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class FleetWatchActivationTest {

    private static final String RECIPIENT = "relay-check@fabrikam.example";

    @Inject
    FleetWatch watch;

    @Test
    void theFirstCheckAfterThePropagationTimeSendsTheTestEmailAndConfirmsTheOnboardingActive() {
        TestPartner partner = TestPartner.create();
        webhook(partner);
        Onboarded onboarded = onboardInBatch(partner);

        Map<String, Object> pending = onboarding(partner, onboarded.onboarding());
        assertThat(pending).containsEntry("status", "SUCCEEDED").containsEntry("activation", "PENDING");
        assertThat(pending.get("activationDetail").toString()).contains("PT30M");
        Instant next = Instant.parse(conformance(partner, onboarded.tenant()).get("nextCheckAt").toString());
        assertThat(next).as("the confirming check waits for the rule's propagation")
                .isBetween(Instant.now().plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(batch(partner, onboarded.batch()).get("activations")).isEqualTo(
                Map.of("PENDING", 1, "ACTIVE", 0, "NOT_PROPAGATED", 0, "SUPERSEDED", 0));

        String check = check(onboarded.tenant());
        assertThat(command(onboarded.tenant(), check)).contains("\"kind\":\"WATCH\"").contains(RECIPIENT);
        report(check, onboarded.tenant(), StepOutcome.SUCCEEDED, "The tenant still matches the relay profile", null, List.of());

        awaitActivation(partner, onboarded.onboarding(), "ACTIVE");
        assertThat(onboarding(partner, onboarded.onboarding()).get("activationDetail").toString())
                .contains("test email to " + RECIPIENT).contains("the rule is in effect");
        assertThat(batch(partner, onboarded.batch()).get("activations")).isEqualTo(
                Map.of("PENDING", 0, "ACTIVE", 1, "NOT_PROPAGATED", 0, "SUPERSEDED", 0));
        assertThat(webhookBodies(partner)).filteredOn(body -> body.contains("\"type\":\"onboarding.active\"")).singleElement()
                .satisfies(body -> assertThat(body).contains(onboarded.onboarding()).contains(onboarded.batch()));

        Instant afterActive = Instant.parse(conformance(partner, onboarded.tenant()).get("nextCheckAt").toString());
        assertThat(afterActive).as("spread over one interval's width around it, not checked again within minutes")
                .isBetween(Instant.now().plus(Duration.ofHours(3)).minusSeconds(60), Instant.now().plus(Duration.ofHours(9)));

        String routine = check(onboarded.tenant());
        assertThat(command(onboarded.tenant(), routine)).as("the test email is sent once, not every few hours")
                .contains("\"kind\":\"WATCH\"").doesNotContain(RECIPIENT);
    }

    @Test
    void aRuleThatNeverTakesEffectEndsNotPropagatedWithTheReasonAfterTheAttempts() {
        TestPartner partner = TestPartner.create();
        webhook(partner);
        Onboarded onboarded = onboardInBatch(partner);

        String early = check(onboarded.tenant());
        notInEffect(early, onboarded.tenant());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> TenantConformance.<TenantConformance>findById(onboarded.tenant()).checkedAt.isAfter(Instant.now().minusSeconds(20))
                        && lastCheck(onboarded.tenant()).equals(early)
                        && conformance(partner, onboarded.tenant()).get("history").toString().contains("FAILED")));
        TenantConformance afterEarly = QuarkusTransaction.requiringNew().call(() -> TenantConformance.findById(onboarded.tenant()));
        assertThat(afterEarly.activationAttempts).as("a check the partner asked for before the wait uses up no attempt").isZero();
        assertThat(afterEarly.nextCheckAt).isEqualTo(afterEarly.activationDueAt);

        for (int attempt = 1; attempt <= 4; attempt++) {
            // the propagation wait is over
            QuarkusTransaction.requiringNew().run(() -> TenantConformance.update("activationDueAt = ?1 where tenantId = ?2",
                    Instant.now().minusSeconds(1), onboarded.tenant()));
            String check = check(onboarded.tenant());
            notInEffect(check, onboarded.tenant());
            int attempts = attempt;
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> attempts == 4
                    ? !"PENDING".equals(onboarding(partner, onboarded.onboarding()).get("activation"))
                    : Integer.valueOf(attempts).equals(QuarkusTransaction.requiringNew().call(
                            () -> TenantConformance.<TenantConformance>findById(onboarded.tenant()).activationAttempts)));
            if (attempt < 4) {
                Instant next = Instant.parse(conformance(partner, onboarded.tenant()).get("nextCheckAt").toString());
                assertThat(next).as("tried again after the propagation time").isAfter(Instant.now().plus(Duration.ofMinutes(29)));
                assertThat(onboarding(partner, onboarded.onboarding())).containsEntry("activation", "PENDING");
            }
        }

        Map<String, Object> given = onboarding(partner, onboarded.onboarding());
        assertThat(given).containsEntry("activation", "NOT_PROPAGATED").containsEntry("status", "SUCCEEDED");
        assertThat(given.get("activationDetail").toString()).contains("Not confirmed after 4 checks").contains("not in effect yet");
        assertThat(conformance(partner, onboarded.tenant())).as("every object is as it should be").containsEntry("state", "IN_SYNC");
        assertThat(batch(partner, onboarded.batch()).get("activations")).isEqualTo(
                Map.of("PENDING", 0, "ACTIVE", 0, "NOT_PROPAGATED", 1, "SUPERSEDED", 0));
        assertThat(webhookBodies(partner)).filteredOn(body -> body.contains("\"type\":\"onboarding.not-propagated\"")).singleElement()
                .satisfies(body -> assertThat(body).contains("Not confirmed after 4 checks"));
    }

    @Test
    void aDriftBeforeTheConfirmationEndsItNotPropagatedAndALaterOnboardingSupersedesAPendingOne() {
        TestPartner partner = TestPartner.create();
        Onboarded drifted = onboardInBatch(partner);
        String check = check(drifted.tenant());
        report(check, drifted.tenant(), StepOutcome.FAILED, "Drift found: Trustifi Outbound Connector (Send) differs: Enabled",
                "Onboard the tenant again to repair it",
                List.of(new PropertyDrift("Trustifi Outbound Connector (Send)", "Enabled", "true", "false")));
        awaitActivation(partner, drifted.onboarding(), "NOT_PROPAGATED");
        assertThat(onboarding(partner, drifted.onboarding()).get("activationDetail").toString())
                .contains("changed before the configuration was confirmed in effect");

        Onboarded first = onboardInBatch(partner);
        String again = partner.request().contentType(ContentType.JSON).body(partner.onboarding(first.tenant(), "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
        WorkerReports.send(finalEvent(again, first.tenant(), StepOutcome.SUCCEEDED, "configured", null, List.of()));
        awaitActivation(partner, first.onboarding(), "SUPERSEDED");
        assertThat(onboarding(partner, again)).containsEntry("activation", "PENDING");
    }

    private record Onboarded(String tenant, String batch, String onboarding) {
    }

    /** What the worker reports when every object is in place but the test email does not go through yet. */
    private static void notInEffect(String check, String tenant) {
        WorkerReports.send(new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), UUID.fromString(check), tenant,
                1, ProvisioningStep.VALIDATE_OUTBOUND_CONNECTOR, StepOutcome.NOT_PROPAGATED,
                "Check connectivity: Succeeded; Send test email: Failed: no rule in effect routes mail to the connector yet",
                null, 1, null, false, Instant.now()));
        report(check, tenant, StepOutcome.FAILED, "The relay's objects are in place, but the rule is not in effect yet",
                "Exchange Online can take 30 minutes or more to apply a new rule; the check is made again", List.of());
    }

    /** A tenant onboarded in a batch of one with a test recipient, its onboarding SUCCEEDED. */
    private static Onboarded onboardInBatch(TestPartner partner) {
        String tenant = UUID.randomUUID().toString();
        partner.connect(tenant);
        String batch = partner.request().contentType(ContentType.JSON)
                .body(Map.of("relayAccountId", partner.relayAccountId(), "rows", List.of(Map.of("tenantId", tenant,
                        "relayDomains", List.of("contoso.example"), "testRecipient", RECIPIENT))))
                .post("/v1/batches").then().statusCode(202).extract().path("id");
        String onboarding = partner.request().get("/v1/onboardings?batchId=" + batch).then().statusCode(200).extract().path("items[0].id");
        WorkerReports.send(finalEvent(onboarding, tenant, StepOutcome.SUCCEEDED, "configured", null, List.of()));
        awaitActivation(partner, onboarding, "PENDING");
        return new Onboarded(tenant, batch, onboarding);
    }

    private String check(String tenant) {
        due(tenant);
        watch.sweepAsOf(Instant.now());
        return lastCheck(tenant);
    }

    private static void awaitActivation(TestPartner partner, String onboarding, String activation) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> activation.equals(onboarding(partner, onboarding).get("activation")));
    }

    private static Map<String, Object> onboarding(TestPartner partner, String id) {
        return partner.request().get("/v1/onboardings/" + id).then().statusCode(200).extract().path("$");
    }

    private static Map<String, Object> batch(TestPartner partner, String id) {
        return partner.request().get("/v1/batches/" + id).then().statusCode(200).extract().path("$");
    }

    private static String command(String tenant, String check) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list("messageKey", tenant).stream()
                .map(message -> message.payload).filter(payload -> payload.contains(check)).findFirst().orElseThrow());
    }
}
