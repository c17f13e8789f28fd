package com.trustifi.onboarding.api.conformance;

import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.onboarded;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad settings get a problem naming the field and change nothing; another partner's tenant does not exist for a partner. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class FleetWatchInputTest {

    @Test
    void anIntervalOutsideItsBoundsOrNotADurationIsRefusedAndChangesNothing() {
        TestPartner partner = TestPartner.create();

        partner.request().contentType(ContentType.JSON).body(Map.of("checkInterval", "PT5M", "policy", "ALERT"))
                .put("/v1/conformance/settings").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("checkInterval")).body("errors[0].reason", containsString("PT15M"));
        partner.request().contentType(ContentType.JSON).body(Map.of("checkInterval", "P30D", "policy", "ALERT"))
                .put("/v1/conformance/settings").then().statusCode(422).body("errors[0].field", equalTo("checkInterval"));
        partner.request().contentType(ContentType.JSON).body(Map.of("checkInterval", "six hours", "policy", "ALERT"))
                .put("/v1/conformance/settings").then().statusCode(422).body("errors[0].field", equalTo("checkInterval"))
                .body("errors[0].reason", equalTo("has the wrong format"));

        partner.request().get("/v1/conformance/settings").then().statusCode(200)
                .body("checkInterval", equalTo("PT6H")).body("policy", equalTo("ALERT"));
    }

    @Test
    void anUnknownPolicyIsRefusedNamingTheField() {
        TestPartner partner = TestPartner.create();
        String tenant = onboarded(partner);

        partner.request().contentType(ContentType.JSON).body(Map.of("checkInterval", "PT6H", "policy", "FIX_IT"))
                .put("/v1/conformance/settings").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("policy"));
        partner.request().contentType(ContentType.JSON).body(Map.of("policy", "SOMETIMES"))
                .put("/v1/tenants/" + tenant + "/conformance/policy").then().statusCode(400)
                .body("errors[0].field", containsString("policy"));
        partner.request().get("/v1/conformance?state=WOBBLY").then().statusCode(422).body("errors[0].field", equalTo("state"));
        partner.request().get("/v1/conformance?cursor=%25%25").then().statusCode(422).body("errors[0].field", equalTo("cursor"));

        partner.request().get("/v1/tenants/" + tenant + "/conformance").then().statusCode(200).body("policy", equalTo("ALERT"))
                .body("ownPolicy", equalTo(false));
    }

    @Test
    void anotherPartnersTenantIsNotFound() {
        TestPartner owner = TestPartner.create();
        TestPartner other = TestPartner.create();
        String tenant = onboarded(owner);

        other.request().get("/v1/tenants/" + tenant + "/conformance").then().statusCode(404).contentType("application/problem+json");
        other.request().contentType(ContentType.JSON).body(Map.of("policy", "REPAIR"))
                .put("/v1/tenants/" + tenant + "/conformance/policy").then().statusCode(404);
        other.request().get("/v1/conformance").then().statusCode(200).body("items.size()", equalTo(0));

        owner.request().get("/v1/tenants/" + tenant + "/conformance").then().statusCode(200).body("policy", equalTo("ALERT"));
    }
}
