package com.trustifi.onboarding.api.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.trustifi.onboarding.api.KafkaTopics;
import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.WorkerReports;
import com.trustifi.onboarding.api.audit.AuditEntry;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.outbox.OutboxMessage;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.CommandKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A partner acts only on tenants whose administrator connected them to it, through admin consent. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class TenantOwnershipTest {

    private static final String NOT_CONNECTED = "/problems/tenant-not-connected";

    @Test
    void aConnectLinkIsTheSignInUrlOfTheAppForTheTenantWithPkceAndANonce() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();

        Response link = partner.request().contentType(ContentType.JSON).body(Map.of("tenantId", tenant))
                .post("/v1/tenant-connections");

        link.then().statusCode(201).header("Cache-Control", containsString("no-store")).body("tenantId", equalTo(tenant));
        URI url = URI.create(link.path("consentUrl"));
        assertThat(url.getPath()).isEqualTo("/" + tenant + "/oauth2/v2.0/authorize");
        assertThat(url.getQuery()).contains("client_id=00000000-0000-0000-0000-0000000000a1", "response_type=code",
                "scope=openid profile", "redirect_uri=http://localhost:8081/v1/tenant-connections/callback", "state=", "nonce=",
                "code_challenge=", "code_challenge_method=S256");
        String anyTenant = partner.request().contentType(ContentType.JSON).body("{}").post("/v1/tenant-connections")
                .then().statusCode(201).extract().path("consentUrl");
        assertThat(URI.create(anyTenant).getPath()).isEqualTo("/organizations/oauth2/v2.0/authorize");
        partner.request().contentType(ContentType.JSON).body(Map.of("tenantId", "contoso.example")).post("/v1/tenant-connections")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("tenantId"));
    }

    @Test
    void anotherPartnerCannotOnboardOrActOnAConnectedTenantAndNothingIsStoredOrSent() {
        TestPartner a = TestPartner.create();
        TestPartner b = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String onboarding = a.request().contentType(ContentType.JSON).body(a.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
        long outbox = count(OutboxMessage.class);

        Response refused = b.request().contentType(ContentType.JSON).body(unconnected(b, tenant)).post("/v1/onboardings");

        refused.then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(NOT_CONNECTED))
                .body("errors.field", hasItem("tenantId"))
                .header("Link", containsString("/v1/tenant-connections>; rel=\"connect\""))
                .body(not(containsString(onboarding)));
        b.request().contentType(ContentType.JSON)
                .body(Map.of("relayAccountId", b.relayAccountId(), "rows", List.of(Map.of("tenantId", tenant,
                        "relayDomains", List.of("contoso.example")))))
                .post("/v1/batches").then().statusCode(422).body("errors[0].field", equalTo("rows[0].tenantId"))
                .body("errors[0].reason", containsString("not connected to you"));
        for (String action : new String[] {"verify", "offboard", "rotate-secret", "retry", "plan"}) {
            b.request().post("/v1/onboardings/" + onboarding + "/" + action).then().statusCode(404);
        }
        b.request().delete("/v1/tenant-connections/" + tenant).then().statusCode(404);

        assertThat(onboardingsOf(tenant)).isEqualTo(1);
        assertThat(count(OutboxMessage.class)).isEqualTo(outbox);
        assertThat(KafkaTopics.everything().stream().filter(record -> KafkaTopics.isOnboardingCommand(record, tenant))
                .filter(record -> record.topic().equals("provisioning-commands"))).hasSize(1);
        a.request().get("/v1/onboardings/" + onboarding).then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aTenantNobodyConnectedCannotBeOnboardedAndTheAnswerIsTheSameAsForAnotherPartnersTenant() {
        TestPartner a = TestPartner.create();
        TestPartner b = TestPartner.create();
        String connectedToA = UUID.randomUUID().toString();
        a.connect(connectedToA);
        String nobodys = UUID.randomUUID().toString();

        Response forNobodys = b.request().contentType(ContentType.JSON).body(unconnected(b, nobodys)).post("/v1/onboardings");
        Response forAs = b.request().contentType(ContentType.JSON).body(unconnected(b, connectedToA)).post("/v1/onboardings");
        a.request().contentType(ContentType.JSON).body(unconnected(a, nobodys)).post("/v1/onboardings").then().statusCode(403);

        forNobodys.then().statusCode(403).body("type", equalTo(NOT_CONNECTED));
        assertThat(forAs.statusCode()).isEqualTo(403);
        assertThat(forAs.asString()).isEqualTo(forNobodys.asString());
        assertThat(forAs.header("Link")).isEqualTo(forNobodys.header("Link"));
        assertThat(onboardingsOf(nobodys)).isZero();
        assertThat(onboardingsOf(connectedToA)).isZero();
    }

    @Test
    void aNewConsentForAnotherPartnerMovesTheTenantAndCancelsTheFirstPartnersOnboarding() {
        TestPartner a = TestPartner.create();
        TestPartner b = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String first = a.request().contentType(ContentType.JSON).body(a.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");

        b.connect(tenant);

        a.request().get("/v1/onboardings/" + first).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.oneOf("CANCELING", "CANCELED"))
                .body("detail", containsString("connected the tenant to another partner"));
        // the worker stops A's command (its generation is behind), and the tenant is free for B
        WorkerReports.stopped(first, tenant);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                "CANCELED".equals(a.request().get("/v1/onboardings/" + first).then().extract().path("status")));
        for (String action : new String[] {"verify", "offboard", "rotate-secret", "plan"}) {
            a.request().post("/v1/onboardings/" + first + "/" + action).then().statusCode(403).body("type", equalTo(NOT_CONNECTED));
        }
        assertThat(a.request().get("/v1/tenant-connections").then().statusCode(200).extract().<List<String>>path("tenantId"))
                .doesNotContain(tenant);
        assertThat(b.request().get("/v1/tenant-connections").then().statusCode(200).extract().<List<String>>path("tenantId"))
                .contains(tenant);
        b.request().contentType(ContentType.JSON).body(unconnected(b, tenant)).post("/v1/onboardings").then().statusCode(202);
        assertThat(audited(a.id(), "tenant-connection.taken-over")).isEqualTo(1);
        assertThat(audited(b.id(), "tenant-connection.create")).isEqualTo(1);
    }

    @Test
    void eachConsentStartsAConnectionCheckThatWritesNothingAndKeepsNoTenantBusy() throws Exception {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        partner.connect(tenant);

        var connection = partner.request().get("/v1/tenant-connections").then().statusCode(200).extract().jsonPath();
        int index = connection.<String>getList("tenantId").indexOf(tenant);
        assertThat(connection.getString("[" + index + "].check.status")).isEqualTo("CHECKING");
        String checkId = connection.getString("[" + index + "].check.onboardingId");
        var command = com.trustifi.onboarding.model.WireJson.mapper().readValue(
                KafkaTopics.await("provisioning-commands", record -> record.value().contains(checkId)).value(),
                com.trustifi.onboarding.model.ProvisioningCommand.class);
        assertThat(command.kind()).isEqualTo(CommandKind.CHECK_CONNECTION);
        assertThat(command.relay().relaySecret()).isNull();

        // the check only reads: an onboarding right after the consent is accepted, and the list shows only onboardings
        String onboarding = partner.request().contentType(ContentType.JSON).body(unconnected(partner, tenant)).post("/v1/onboardings")
                .then().statusCode(202).extract().path("id");
        assertThat(partner.request().queryParam("tenantId", tenant).get("/v1/onboardings").then().statusCode(200)
                .extract().<List<String>>path("items.id")).containsExactly(onboarding);
        partner.request().post("/v1/onboardings/" + checkId + "/retry").then().statusCode(409);
        partner.request().post("/v1/tenant-connections/" + tenant + "/check").then().statusCode(202)
                .header("Location", containsString("/v1/onboardings/")).body("kind", equalTo("CHECK_CONNECTION"));
        TestPartner.create().request().post("/v1/tenant-connections/" + tenant + "/check").then().statusCode(403)
                .body("type", equalTo(NOT_CONNECTED));
    }

    @Test
    void aTenantIsDisconnectedOnlyWhenNothingIsInProgress() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String onboarding = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");

        partner.request().delete("/v1/tenant-connections/" + tenant).then().statusCode(409).contentType("application/problem+json");
        partner.request().post("/v1/onboardings/" + onboarding + "/cancel").then().statusCode(202);
        WorkerReports.stopped(onboarding, tenant);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                partner.request().delete("/v1/tenant-connections/" + tenant).statusCode() == 204);

        assertThat(connectedPartner(tenant)).isNull();
        partner.request().contentType(ContentType.JSON).body(unconnected(partner, tenant)).post("/v1/onboardings")
                .then().statusCode(403);
        assertThat(audited(partner.id(), "tenant-connection.delete")).isEqualTo(1);
    }

    /** An onboarding body that does not connect the tenant first, unlike {@link TestPartner#onboarding}. */
    private static Map<String, Object> unconnected(TestPartner partner, String tenant) {
        return new HashMap<>(Map.of("tenantId", tenant, "relayAccountId", partner.relayAccountId(),
                "relayDomains", List.of("contoso.example")));
    }

    private static String connectedPartner(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> TenantConnection.<TenantConnection>findByIdOptional(tenant)
                .map(connection -> connection.partnerId.toString()).orElse(null));
    }

    private static long onboardingsOf(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> Onboarding.count("tenantId = ?1 and kind <> ?2", tenant,
                CommandKind.CHECK_CONNECTION));
    }

    private static long audited(String partnerId, String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("partnerId = ?1 and action = ?2",
                UUID.fromString(partnerId), action));
    }

    private static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() -> Onboarding.getEntityManager()
                .createQuery("select count(e) from " + entity.getSimpleName() + " e", Long.class).getSingleResult());
    }
}
