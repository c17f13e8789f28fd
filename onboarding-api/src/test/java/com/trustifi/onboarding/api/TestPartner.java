package com.trustifi.onboarding.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A partner created through the operator endpoint, as the local stack or an operator would, with
 * one enabled relay account for the domains the tests use.
 */
@io.quarkus.test.common.QuarkusTestResource(SimulatedEntraResource.class)
public record TestPartner(String id, String apiKey, String relayAccountId, String relaySecret, java.util.Set<String> connected) {

    public static final String OPERATOR_KEY = "test-operator-key";
    public static final List<String> DOMAINS = List.of("contoso.example", "sales.contoso.example", "fabrikam.example");

    public static TestPartner create() {
        var created = given().contentType(ContentType.JSON)
                .header("X-Operator-Key", OPERATOR_KEY)
                .body(Map.of("name", "partner-" + UUID.randomUUID()))
                .post("/v1/operator/partners")
                .then().statusCode(201).extract();
        String apiKey = created.path("apiKey");
        var account = given().header("X-Api-Key", apiKey).contentType(ContentType.JSON)
                .body(relayAccount())
                .post("/v1/relay-accounts")
                .then().statusCode(201).extract();
        return new TestPartner(created.path("partnerId"), apiKey, account.path("id"), account.path("relaySecret"),
                java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    public static Map<String, Object> relayAccount() {
        return Map.of("customerName", "Contoso", "plan", "PRO", "accessLevel", "ADMIN", "domains", DOMAINS,
                "mtaHost", "mx.contoso.example");
    }

    /** A request authenticated as this partner. */
    public RequestSpecification request() {
        return given().header("Authorization", "ApiKey " + apiKey);
    }

    /**
     * Connects each tenant to this partner as its administrator would: a connect link, the
     * administrator's sign-in and consent on the simulated Entra's pages, and the result page. A
     * tenant this partner connected before is not connected again.
     */
    public synchronized void connect(String... tenantIds) {
        for (String tenantId : tenantIds) {
            if (!connected.add(tenantId)) {
                continue;
            }
            var page = SimulatedEntra.connect(connectLink(tenantId), SimulatedEntra.administrator(tenantId));
            if (page.status() != 200 || !page.body().contains("id=\"check-status\"")) {
                throw new AssertionError("Connecting " + tenantId + " ended on " + page.uri() + " with " + page.status() + ": " + page.body());
            }
        }
    }

    /** A connect link for the tenant. */
    public java.net.URI connectLink(String tenantId) {
        return java.net.URI.create(request().contentType(ContentType.JSON).body(Map.of("tenantId", tenantId))
                .post("/v1/tenant-connections").then().statusCode(201).extract().path("consentUrl"));
    }

    /** The state parameter of a connect link. */
    static String stateOf(String consentUrl) {
        String query = java.net.URI.create(consentUrl).getRawQuery();
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("state=")) {
                return java.net.URLDecoder.decode(parameter.substring("state=".length()), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("No state in " + consentUrl);
    }

    /** The body of an onboarding request through this partner's relay account; the tenant is connected to the partner first. */
    public Map<String, Object> onboarding(String tenantId, String... relayDomains) {
        connect(tenantId);
        var body = new HashMap<String, Object>();
        body.put("tenantId", tenantId);
        body.put("relayAccountId", relayAccountId);
        body.put("relayDomains", List.of(relayDomains));
        return body;
    }
}
