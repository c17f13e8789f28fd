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
record TestPartner(String id, String apiKey, String relayAccountId, String relaySecret) {

    static final String OPERATOR_KEY = "test-operator-key";
    static final List<String> DOMAINS = List.of("contoso.example", "sales.contoso.example", "fabrikam.example");

    static TestPartner create() {
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
        return new TestPartner(created.path("partnerId"), apiKey, account.path("id"), account.path("relaySecret"));
    }

    static Map<String, Object> relayAccount() {
        return Map.of("customerName", "Contoso", "plan", "PRO", "accessLevel", "ADMIN", "domains", DOMAINS,
                "mtaHost", "mx.contoso.example");
    }

    /** A request authenticated as this partner. */
    RequestSpecification request() {
        return given().header("Authorization", "ApiKey " + apiKey);
    }

    /** The body of an onboarding request through this partner's relay account. */
    Map<String, Object> onboarding(String tenantId, String... relayDomains) {
        var body = new HashMap<String, Object>();
        body.put("tenantId", tenantId);
        body.put("relayAccountId", relayAccountId);
        body.put("relayDomains", List.of(relayDomains));
        return body;
    }
}
