package com.trustifi.onboarding.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.partner.PartnerTokens;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Partners may present an OAuth2 bearer token from their identity provider instead of an API key. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class BearerTokenTest {

    private static final String ISSUER = "https://partners.example.test";

    @Test
    void aSignedTokenNamingAPartnerActsAsThatPartner() {
        TestPartner partner = TestPartner.create();
        String id = partner.request().contentType(ContentType.JSON)
                .body(partner.onboarding(UUID.randomUUID().toString(), "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");

        given().header("Authorization", "Bearer " + token(partner.id(), ISSUER, Duration.ofMinutes(5)))
                .when().get("/v1/onboardings/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void anotherPartnersTokenSeesNothingOfIt() {
        TestPartner owner = TestPartner.create();
        TestPartner other = TestPartner.create();
        String id = owner.request().contentType(ContentType.JSON)
                .body(owner.onboarding(UUID.randomUUID().toString(), "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");

        given().header("Authorization", "Bearer " + token(other.id(), ISSUER, Duration.ofMinutes(5)))
                .when().get("/v1/onboardings/" + id)
                .then().statusCode(404);
    }

    @Test
    void expiredForeignOrPartnerlessTokensAre401Problems() {
        TestPartner partner = TestPartner.create();
        for (String token : new String[] {
                token(partner.id(), ISSUER, Duration.ofMinutes(-5)),
                token(partner.id(), "https://someone-else.example", Duration.ofMinutes(5)),
                token(UUID.randomUUID().toString(), ISSUER, Duration.ofMinutes(5)),
                Jwt.issuer(ISSUER).expiresIn(Duration.ofMinutes(5)).sign()}) {
            given().header("Authorization", "Bearer " + token)
                    .when().get("/v1/onboardings")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The bearer token is not valid, has expired, or names no known partner"));
        }
    }

    private static String token(String partnerId, String issuer, Duration validity) {
        return Jwt.issuer(issuer)
                .subject("portal-service-account")
                .claim(PartnerTokens.PARTNER_CLAIM, partnerId)
                .issuedAt(Instant.now().minus(Duration.ofMinutes(10)))
                .expiresAt(Instant.now().plus(validity))
                .sign();
    }
}
