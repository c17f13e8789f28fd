package com.trustifi.onboarding.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class AuthenticationTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "ApiKey ", "ApiKey pk_not-a-key", "Bearer pk_not-a-key"})
    void missingOrUnknownCredentialsAre401Problems(String authorization) {
        var request = authorization.isEmpty() ? given() : given().header("Authorization", authorization);
        request.when().get("/v1/onboardings/" + UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "ApiKey, Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void theKeyMayAlsoComeAsXApiKey() {
        TestPartner partner = TestPartner.create();
        given().header("X-Api-Key", partner.apiKey())
                .when().get("/v1/onboardings/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void healthMetricsAndOpenApiNeedNoCredentials() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void operatorEndpointsNeedTheOperatorKeyNotAPartnerKey() {
        TestPartner partner = TestPartner.create();
        given().contentType(ContentType.JSON).body(Map.of("name", "intruder"))
                .header("Authorization", "ApiKey " + partner.apiKey())
                .when().post("/v1/operator/partners")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("name", "intruder"))
                .header("X-Operator-Key", "wrong")
                .when().post("/v1/operator/partners")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anOperatorCanIssueASecondKeyAndBothWork() {
        TestPartner partner = TestPartner.create();
        String second = given().header("X-Operator-Key", TestPartner.OPERATOR_KEY)
                .when().post("/v1/operator/partners/" + partner.id() + "/api-keys")
                .then().statusCode(201).body("apiKey", notNullValue()).extract().path("apiKey");
        given().header("X-Api-Key", second).when().get("/v1/onboardings/" + UUID.randomUUID()).then().statusCode(404);
        partner.request().when().get("/v1/onboardings/" + UUID.randomUUID()).then().statusCode(404);
    }
}
