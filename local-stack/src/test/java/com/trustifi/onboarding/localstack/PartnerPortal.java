package com.trustifi.onboarding.localstack;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** A partner portal signed up by the operator of a running local stack, doing what portals do over the REST API. */
record PartnerPortal(LocalStack stack, String apiKey) {

    static PartnerPortal signUp(LocalStack stack, String name) {
        return new PartnerPortal(stack, given().baseUri(stack.apiBaseUri().toString()).contentType(ContentType.JSON)
                .header("X-Operator-Key", stack.operatorKey()).body(Map.of("name", name + " " + UUID.randomUUID()))
                .post("/v1/operator/partners").then().statusCode(201).extract().path("apiKey"));
    }

    RequestSpecification request() {
        return given().baseUri(stack.apiBaseUri().toString()).contentType(ContentType.JSON).header("X-Api-Key", apiKey);
    }

    OnboardingApiClient client() {
        return OnboardingApiClient.asPartner(stack.apiBaseUri(), apiKey);
    }

    /** Connects the tenant, its administrator signing in and accepting on the simulator's pages. */
    void connect(String tenantId) throws Exception {
        client().connect(tenantId, stack.administratorBrowser(), stack.simulator().tenant(tenantId).orElseThrow().administrator());
    }

    String relayAccount(String domain) {
        return request().body(Map.of("customerName", domain, "plan", "PRO", "accessLevel", "ADMIN", "domains", List.of(domain),
                "mtaHost", "mx." + domain)).post("/v1/relay-accounts").then().statusCode(201).extract().path("id");
    }

    Response onboard(String tenantId, String accountId, String domain) {
        return request().body(Map.of("tenantId", tenantId, "relayAccountId", accountId, "relayDomains", List.of(domain)))
                .post("/v1/onboardings");
    }

    /** The latest access check of a connected tenant, as the connection list shows it. */
    JsonPath check(String tenantId) {
        JsonPath connections = request().get("/v1/tenant-connections").then().statusCode(200).extract().jsonPath();
        int index = connections.<String>getList("tenantId").indexOf(tenantId);
        return new JsonPath(connections.prettify()).setRootPath("[" + index + "].check");
    }

    /** CONNECTED, or CONSENT_WITHDRAWN once Entra refused the app in the tenant. */
    String connectionStatus(String tenantId) {
        JsonPath connections = request().get("/v1/tenant-connections").then().statusCode(200).extract().jsonPath();
        return connections.getString("find { it.tenantId == '" + tenantId + "' }.status");
    }

    JsonPath awaitCheck(String tenantId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> !"CHECKING".equals(check(tenantId).getString("status")));
        return check(tenantId);
    }

    JsonPath awaitTerminal(String location) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String status = request().get(location).then().statusCode(200).extract().path("status");
            return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELED");
        });
        return request().get(location).then().extract().jsonPath();
    }
}
