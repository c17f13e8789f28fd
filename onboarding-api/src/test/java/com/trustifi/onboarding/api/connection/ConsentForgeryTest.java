package com.trustifi.onboarding.api.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.trustifi.onboarding.api.SimulatedEntra;
import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.audit.AuditEntry;
import com.trustifi.onboarding.api.outbox.OutboxMessage;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.simulator.DirectoryUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A partner who tries to take over another partner's tenant by calling the consent callback by hand, and every other
 * forged, replayed or refused callback: each connects nothing, changes no connection, and is in the audit log.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class ConsentForgeryTest {

    private static final String NOT_CONNECTED = "/problems/tenant-not-connected";

    @Test
    void aForgedConsentCallbackWithTheForgersOwnStateLeavesTheTenantWithItsPartner() {
        TestPartner a = TestPartner.create();
        TestPartner b = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        a.request().contentType(ContentType.JSON).body(a.onboarding(tenant, "contoso.example")).post("/v1/onboardings")
                .then().statusCode(202);
        long outbox = outboxSize();
        long refusals = refusals(b);

        for (String state : List.of(stateOf(b.connectLink(tenant)), stateOf(anyTenantLink(b)))) {
            forgedConsent(tenant, state).accept(ContentType.JSON).get("/v1/tenant-connections/callback")
                    .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("/problems/consent-refused"));
        }
        forgedConsent(tenant, stateOf(b.connectLink(tenant))).accept(ContentType.HTML).get("/v1/tenant-connections/callback")
                .then().statusCode(400).contentType(ContentType.HTML).body(containsString("Nothing was connected"))
                .body(containsString("no existing connection was changed"));

        assertThat(connectedPartner(tenant)).isEqualTo(a.id());
        b.request().contentType(ContentType.JSON).body(Map.of("tenantId", tenant, "relayAccountId", b.relayAccountId(),
                "relayDomains", List.of("contoso.example"))).post("/v1/onboardings").then().statusCode(403).body("type", equalTo(NOT_CONNECTED));
        assertThat(outboxSize()).isEqualTo(outbox);
        assertThat(refusals(b)).isEqualTo(refusals + 3);
    }

    @Test
    void aConsentNamingAnotherTenantThanTheVerifiedSignInConnectsNothing() {
        TestPartner a = TestPartner.create();
        TestPartner b = TestPartner.create();
        String victim = UUID.randomUUID().toString();
        a.connect(victim);
        String own = UUID.randomUUID().toString();
        var browser = SimulatedEntra.browser();

        // B's own administrator signs in, verifiably, for B's own tenant; B then names the victim's tenant in the consent answer
        URI adminConsent = URI.create(callback(browser.signIn(anyTenantLink(b), SimulatedEntra.administrator(own), DirectoryUser.DEFAULT_PASSWORD))
                .then().statusCode(303).extract().header("Location"));
        assertThat(adminConsent.getPath()).isEqualTo("/" + own + "/v2.0/adminconsent");
        forgedConsent(victim, parameter(adminConsent, "state")).accept(ContentType.JSON).get("/v1/tenant-connections/callback")
                .then().statusCode(400).body("errors[0].field", equalTo("tenant"))
                .body("errors[0].reason", containsString("not the tenant of the administrator who signed in"));

        assertThat(connectedPartner(victim)).isEqualTo(a.id());
        assertThat(connectedPartner(own)).isNull();
    }

    @Test
    void eachLegsCallbackWorksOnceAndACodeIsRedeemedOnce() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        var browser = SimulatedEntra.browser();
        URI signedIn = browser.signIn(partner.connectLink(tenant), SimulatedEntra.administrator(tenant), DirectoryUser.DEFAULT_PASSWORD);
        URI adminConsent = URI.create(callback(signedIn).then().statusCode(303).extract().header("Location"));
        URI consented = browser.consent(adminConsent, true);
        callback(consented).then().statusCode(200).body("tenantId", equalTo(tenant));

        callback(signedIn).then().statusCode(400).body("errors[0].reason", containsString("already used"));
        callback(consented).then().statusCode(400).body("errors[0].reason", containsString("already used"));
        // the code again, under a new link's state: Entra redeems a code once
        given().accept(ContentType.JSON).queryParam("code", parameter(signedIn, "code"))
                .queryParam("state", stateOf(partner.connectLink(tenant))).get("/v1/tenant-connections/callback")
                .then().statusCode(400).body("errors[0].field", equalTo("code")).body("errors[0].reason", containsString("AADSTS54005"));
        assertThat(connectedPartner(tenant)).isEqualTo(partner.id());
    }

    @Test
    void aUserWithoutARoleThatMayConsentForTheOrganizationConnectsNothing() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String user = SimulatedEntra.user(tenant, "user" + UUID.randomUUID().toString().substring(0, 8), List.of());
        String exchangeAdmin = SimulatedEntra.user(tenant, "exchange" + UUID.randomUUID().toString().substring(0, 8),
                List.of("29232cdf-9323-42fd-ade2-1d097af3e4de"));

        for (String signIn : List.of(user, exchangeAdmin)) {
            var page = SimulatedEntra.connect(partner.connectLink(tenant), signIn);
            assertThat(page.status()).isEqualTo(403);
            assertThat(page.body()).contains("An administrator role is needed", "Global Administrator", "Privileged Role Administrator");
        }
        assertThat(connectedPartner(tenant)).isNull();

        String roleAdmin = SimulatedEntra.user(tenant, "roles" + UUID.randomUUID().toString().substring(0, 8),
                List.of("e8611ab8-c189-46e8-94e1-60213ab1f814"));
        assertThat(SimulatedEntra.connect(partner.connectLink(tenant), roleAdmin).status()).isEqualTo(200);
        assertThat(connectedPartner(tenant)).isEqualTo(partner.id());
    }

    @Test
    void aLinkForATenantAcceptsOnlyThatTenantsAdministrator() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        SimulatedEntra.tenant(tenant);
        String other = UUID.randomUUID().toString();

        var page = SimulatedEntra.connect(partner.connectLink(tenant), SimulatedEntra.administrator(other));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Consent was not granted", "AADSTS50020");
        assertThat(connectedPartner(tenant)).isNull();
        assertThat(connectedPartner(other)).isNull();
    }

    @Test
    void aCancelledSignInOrConsentConnectsNothingAndUsesTheLinkUp() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String admin = SimulatedEntra.administrator(tenant);
        URI link = partner.connectLink(tenant);

        var cancelled = SimulatedEntra.browser().open(link, admin, DirectoryUser.DEFAULT_PASSWORD,
                com.trustifi.onboarding.simulator.signin.AdministratorBrowser.Answer.CANCEL_SIGN_IN);
        var declined = SimulatedEntra.browser().open(partner.connectLink(tenant), admin, DirectoryUser.DEFAULT_PASSWORD,
                com.trustifi.onboarding.simulator.signin.AdministratorBrowser.Answer.DECLINE_CONSENT);

        assertThat(cancelled.status()).isEqualTo(403);
        assertThat(cancelled.body()).contains("AADSTS65004");
        assertThat(declined.status()).isEqualTo(403);
        assertThat(declined.body()).contains("access_denied");
        assertThat(SimulatedEntra.connect(link, admin).body()).contains("already used");
        assertThat(connectedPartner(tenant)).isNull();
    }

    @Test
    void alteredGarbageHugeAndNonUtf8StatesConnectNothing() {
        TestPartner a = TestPartner.create();
        TestPartner b = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String state = stateOf(a.connectLink(tenant));
        String body = state.substring(0, state.indexOf('.'));
        String altered = (body.charAt(0) == 'A' ? 'B' : 'A') + body.substring(1) + state.substring(state.indexOf('.'));
        long refusals = refusals(null);

        for (String forged : List.of("garbage", altered, state + "x", "A".repeat(3000), "%FF%FE." + body)) {
            given().accept(ContentType.JSON).urlEncodingEnabled(!forged.startsWith("%")).queryParam("code", "c").queryParam("state", forged)
                    .get("/v1/tenant-connections/callback").then().statusCode(400).body("errors[0].field", equalTo("state"));
        }
        assertThat(refusals(null)).isEqualTo(refusals + 5);
        int huge = given().accept(ContentType.JSON).queryParam("state", "A".repeat(20_000)).get("/v1/tenant-connections/callback")
                .statusCode();
        assertThat(huge).isBetween(400, 499);
        assertThat(connectedPartner(tenant)).isNull();
        // the link itself still works: none of these used it up
        assertThat(SimulatedEntra.connect(a.connectLink(tenant), SimulatedEntra.administrator(tenant)).status())
                .isEqualTo(200);
        assertThat(connectedPartner(tenant)).isEqualTo(a.id());
        assertThat(b.request().get("/v1/tenant-connections").then().statusCode(200).extract().<List<String>>path("tenantId"))
                .doesNotContain(tenant);
    }

    @Test
    void anExpiredLinkConnectsNothing() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        URI link = partner.connectLink(tenant);
        QuarkusTransaction.requiringNew().run(() -> TenantConnection.getEntityManager()
                .createNativeQuery("update tenant_connection_request set expires_at = now() - interval '1 second' where partner_id = ?1")
                .setParameter(1, UUID.fromString(partner.id())).executeUpdate());

        var page = SimulatedEntra.connect(link, SimulatedEntra.administrator(tenant));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("has expired");
        assertThat(connectedPartner(tenant)).isNull();
    }

    private static URI anyTenantLink(TestPartner partner) {
        return URI.create(partner.request().contentType(ContentType.JSON).body("{}").post("/v1/tenant-connections")
                .then().statusCode(201).extract().path("consentUrl"));
    }

    /** The admin-consent answer Entra would send for the tenant, but with a state of the forger's choosing. */
    private static io.restassured.specification.RequestSpecification forgedConsent(String tenant, String state) {
        return given().queryParam("tenant", tenant).queryParam("admin_consent", "True").queryParam("state", state);
    }

    /** The browser arriving at the callback URL Entra redirected it to, asking for JSON; no redirect followed. */
    private static Response callback(URI callback) {
        return given().accept(ContentType.JSON).redirects().follow(false).urlEncodingEnabled(false)
                .get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    private static String stateOf(URI link) {
        return parameter(link, "state");
    }

    private static String parameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("No " + name + " in " + uri);
    }

    private static String connectedPartner(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> TenantConnection.<TenantConnection>findByIdOptional(tenant)
                .map(connection -> connection.partnerId.toString()).orElse(null));
    }

    /** Refusals in the audit log: of the partner's links, or (null) of states that name no partner. */
    private static long refusals(TestPartner partner) {
        return QuarkusTransaction.requiringNew().call(() -> partner == null
                ? AuditEntry.count("action = 'tenant-connection.refused' and partnerId is null")
                : AuditEntry.count("action = 'tenant-connection.refused' and partnerId = ?1", UUID.fromString(partner.id())));
    }

    private static long outboxSize() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count());
    }
}
