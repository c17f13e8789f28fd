package com.trustifi.onboarding.api.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.trustifi.onboarding.api.SimulatedEntra;
import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.WorkerReports;
import com.trustifi.onboarding.api.webhook.WebhookDelivery;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** When Entra refuses the app in a connected tenant, the connection says so and refuses onboarding until its administrator connects it again. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class ConsentWithdrawnTest {

    @Test
    void aWithdrawnConsentIsSeenToldByWebhookAndRefusesOnboardingUntilTheAdministratorConnectsAgain() {
        TestPartner partner = TestPartner.create();
        partner.request().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/hook", "events", "TERMINAL")).put("/v1/webhook")
                .then().statusCode(200);
        String tenant = UUID.randomUUID().toString();
        String onboarding = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
        checkPasses(partner, tenant);

        WorkerReports.send(failed(onboarding, tenant, "The tenant's administrator has not granted the onboarding app admin "
                + "consent, or has withdrawn it (AADSTS65001)"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "CONSENT_WITHDRAWN".equals(connection(partner, tenant).get("status")));
        assertThat(connection(partner, tenant).get("remediation").toString()).contains("new connect link");
        assertThat(webhookTypes(partner)).contains("tenant.consent-withdrawn");
        partner.request().contentType(ContentType.JSON).body(Map.of("tenantId", tenant, "relayAccountId", partner.relayAccountId(),
                        "relayDomains", List.of("contoso.example"))).post("/v1/onboardings")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/consent-withdrawn"))
                .body("errors[0].reason", containsString("new connect link"))
                .header("Link", containsString("rel=\"connect\""));
        partner.request().contentType(ContentType.JSON).body(Map.of("relayAccountId", partner.relayAccountId(), "rows",
                        List.of(Map.of("tenantId", tenant, "relayDomains", List.of("contoso.example"))))).post("/v1/batches")
                .then().statusCode(422).body("errors[0].field", equalTo("rows[0].tenantId"))
                .body("errors[0].reason", containsString("withdrew the consent"));

        var page = SimulatedEntra.connect(partner.connectLink(tenant), SimulatedEntra.administrator(tenant));

        assertThat(page.status()).isEqualTo(200);
        assertThat(connection(partner, tenant).get("status")).isEqualTo("CONNECTED");
        partner.request().contentType(ContentType.JSON).body(Map.of("tenantId", tenant, "relayAccountId", partner.relayAccountId(),
                "relayDomains", List.of("contoso.example"))).post("/v1/onboardings").then().statusCode(202);
    }

    @Test
    void entrasRefusalBeforeTheAppEverWorkedInTheTenantIsNotAWithdrawal() {
        // right after a consent Entra refuses the app for a while, as it does when the app's own id is wrong
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String onboarding = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");

        WorkerReports.send(failed(onboarding, tenant, "Application with identifier 'x' was not found (AADSTS700016)"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(
                partner.request().get("/v1/onboardings/" + onboarding).then().extract().path("status")));
        assertThat(connection(partner, tenant).get("status")).isEqualTo("CONNECTED");
    }

    @Test
    void aCheckThatPassesAgainLiftsTheMarkAndAWithdrawnTenantCanBeDisconnected() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String onboarding = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
        checkPasses(partner, tenant);
        WorkerReports.send(failed(onboarding, tenant, "consent withdrawn (AADSTS7000229)"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "CONSENT_WITHDRAWN".equals(connection(partner, tenant).get("status")));

        // the administrator granted consent again in Entra itself: a new check sees it
        String check = partner.request().post("/v1/tenant-connections/" + tenant + "/check").then().statusCode(202)
                .extract().path("id");
        WorkerReports.send(passed(check, tenant));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "CONNECTED".equals(connection(partner, tenant).get("status")));
        String again = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
        WorkerReports.send(failed(again, tenant, "consent withdrawn again (AADSTS65001)"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "CONSENT_WITHDRAWN".equals(connection(partner, tenant).get("status")));
        partner.request().delete("/v1/tenant-connections/" + tenant).then().statusCode(204);
    }

    @Test
    void anyCommandThatSucceededShowsTheAppWorkedInTheTenant() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String first = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
        WorkerReports.send(passed(first, tenant));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(
                partner.request().get("/v1/onboardings/" + first).then().extract().path("status")));
        String verify = partner.request().post("/v1/onboardings/" + first + "/verify").then().statusCode(202).extract().path("id");

        WorkerReports.send(failed(verify, tenant, "consent withdrawn (AADSTS65001)"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "CONSENT_WITHDRAWN".equals(connection(partner, tenant).get("status")));
    }

    @Test
    void otherFailuresLeaveTheConnectionAsItIs() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String onboarding = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");

        WorkerReports.send(failed(onboarding, tenant, "Get-OrganizationConfig failed: the app lacks the Exchange Administrator role"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(
                partner.request().get("/v1/onboardings/" + onboarding).then().extract().path("status")));
        assertThat(connection(partner, tenant).get("status")).isEqualTo("CONNECTED");
    }

    /** The connection check made at the consent passes: the app has worked in the tenant. */
    private static void checkPasses(TestPartner partner, String tenant) {
        String check = ((Map<?, ?>) connection(partner, tenant).get("check")).get("onboardingId").toString();
        WorkerReports.send(passed(check, tenant));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "READY".equals(
                ((Map<?, ?>) connection(partner, tenant).get("check")).get("status")));
    }

    private static StatusEvent passed(String check, String tenant) {
        return new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), UUID.fromString(check), tenant,
                Instant.now().toEpochMilli() * 10_000, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, "signed in", null, 1,
                null, false, Instant.now());
    }

    private static StatusEvent failed(String onboarding, String tenant, String detail) {
        return new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), UUID.fromString(onboarding), tenant,
                Instant.now().toEpochMilli() * 10_000, ProvisioningStep.ONBOARDING, StepOutcome.FAILED, detail,
                "Send the customer's Global Administrator a new connect link", 1, null, false, Instant.now());
    }

    private static Map<String, Object> connection(TestPartner partner, String tenant) {
        List<Map<String, Object>> connections = partner.request().get("/v1/tenant-connections").then().statusCode(200).extract().path("$");
        return connections.stream().filter(found -> tenant.equals(found.get("tenantId"))).findFirst().orElseThrow();
    }

    private static List<String> webhookTypes(TestPartner partner) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.<WebhookDelivery>list("partnerId", UUID.fromString(partner.id()))
                .stream().map(delivery -> delivery.payload).toList()).stream()
                .map(payload -> payload.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1")).toList();
    }
}
