package com.trustifi.onboarding.api.conformance;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.WorkerReports;
import com.trustifi.onboarding.api.webhook.WebhookDelivery;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/** Onboarded tenants, due checks and what the worker would report on them, for the fleet watch's tests. */
final class FleetWatchFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 10_000);

    private FleetWatchFixture() {
    }

    /** A tenant of the partner whose onboarding SUCCEEDED: the fleet watch watches it from then on. */
    static String onboarded(TestPartner partner) {
        String tenant = UUID.randomUUID().toString();
        String onboarding = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
        WorkerReports.send(finalEvent(onboarding, tenant, StepOutcome.SUCCEEDED, "configured", null, List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> partner.request().get("/v1/tenants/" + tenant + "/conformance")
                .statusCode() == 200);
        return tenant;
    }

    /** Makes the tenant's next check due now. */
    static void due(String tenant) {
        QuarkusTransaction.requiringNew().run(() -> TenantConformance.update("nextCheckAt = ?1 where tenantId = ?2",
                Instant.now().minusSeconds(1), tenant));
    }

    static Map<String, Object> conformance(TestPartner partner, String tenant) {
        return partner.request().get("/v1/tenants/" + tenant + "/conformance").then().statusCode(200).extract().path("$");
    }

    /** The check of the tenant the fleet watch started last. */
    static String lastCheck(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> TenantConformance.<TenantConformance>findById(tenant).lastCheckId).toString();
    }

    /** The worker's final event on a check, as it reports a verify. */
    static void report(String check, String tenant, StepOutcome outcome, String detail, String remediation, List<PropertyDrift> drift) {
        WorkerReports.send(finalEvent(check, tenant, outcome, detail, remediation, drift));
    }

    static void awaitChecked(TestPartner partner, String tenant, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> state.equals(conformance(partner, tenant).get("state")));
    }

    static StatusEvent finalEvent(String onboarding, String tenant, StepOutcome outcome, String detail, String remediation,
            List<PropertyDrift> drift) {
        return new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), UUID.fromString(onboarding), tenant,
                SEQUENCE.incrementAndGet(), ProvisioningStep.ONBOARDING, outcome, detail, remediation, 1, null,
                outcome == StepOutcome.FAILED, Instant.now(), null, null, drift);
    }

    /** The bodies of the webhook calls queued for the partner, oldest first. */
    static List<String> webhookBodies(TestPartner partner) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.<WebhookDelivery>list("partnerId = ?1 order by id",
                UUID.fromString(partner.id())).stream().map(delivery -> delivery.payload).toList());
    }

    static void webhook(TestPartner partner) {
        partner.request().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/hook", "events", "TERMINAL"))
                .put("/v1/webhook").then().statusCode(200);
    }
}
