package com.trustifi.onboarding.api.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class PartnerIsolationTest {

    @Test
    void aPartnerCannotReadActOnOrGuessAnotherPartnersResources() {
        TestPartner a = TestPartner.create();
        TestPartner b = TestPartner.create();
        String tenantId = UUID.randomUUID().toString();
        String onboarding = a.request().contentType(ContentType.JSON).body(a.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");

        b.request().get("/v1/onboardings/" + onboarding).then().statusCode(404).contentType("application/problem+json");
        b.request().header("If-None-Match", "\"x\"").get("/v1/onboardings/" + onboarding).then().statusCode(404);
        for (String action : new String[] {"verify", "retry", "cancel", "offboard", "rotate-secret", "plan"}) {
            b.request().post("/v1/onboardings/" + onboarding + "/" + action).then().statusCode(404);
        }
        b.request().get("/v1/relay-accounts/" + a.relayAccountId()).then().statusCode(404);

        // B cannot borrow A's relay account, and a tenant busy with A's onboarding does not reveal it to B
        var borrowing = b.onboarding(UUID.randomUUID().toString(), "contoso.example");
        borrowing.put("relayAccountId", a.relayAccountId());
        b.request().contentType(ContentType.JSON).body(borrowing).post("/v1/onboardings")
                .then().statusCode(422).body("errors.field", hasItem("relayAccountId"));
        var unconnected = new java.util.HashMap<String, Object>(java.util.Map.of("tenantId", tenantId,
                "relayAccountId", b.relayAccountId(), "relayDomains", java.util.List.of("contoso.example")));
        String refused = b.request().contentType(ContentType.JSON).body(unconnected)
                .post("/v1/onboardings").then().statusCode(403).extract().asString();
        assertThat(refused).doesNotContain(onboarding);

        // A's onboarding is untouched by all of it
        a.request().get("/v1/onboardings/" + onboarding).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACCEPTED"));
    }
}
