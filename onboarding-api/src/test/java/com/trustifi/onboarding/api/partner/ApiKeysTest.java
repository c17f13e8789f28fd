package com.trustifi.onboarding.api.partner;

import static io.restassured.RestAssured.given;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A recognized key is believed for the cache's time, so that a status GET reads the database once; an unknown one never is. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class ApiKeysTest {

    @Test
    void aKeyRefusedOnceWorksAsSoonAsItIsStoredAndARecognizedOneIsBelievedForTheCacheTime() {
        TestPartner partner = TestPartner.create();
        String key = "pk_test-" + UUID.randomUUID();
        String anyOnboarding = "/v1/onboardings/" + UUID.randomUUID();
        given().header("X-Api-Key", key).get(anyOnboarding).then().statusCode(401);

        QuarkusTransaction.requiringNew().run(() -> PartnerApiKey.of(UUID.fromString(partner.id()), ApiKeys.hash(key), Instant.now()).persist());
        given().header("X-Api-Key", key).get(anyOnboarding).then().statusCode(404);

        QuarkusTransaction.requiringNew().run(() -> PartnerApiKey.delete("keyHash", ApiKeys.hash(key)));
        given().header("X-Api-Key", key).get(anyOnboarding).then().statusCode(404);
    }
}
