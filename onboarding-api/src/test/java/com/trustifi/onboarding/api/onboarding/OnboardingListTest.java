package com.trustifi.onboarding.api.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class OnboardingListTest {

    @Test
    void pagesWalkThroughAPartnersOnboardingsOnceEachAndNoOneElses() {
        TestPartner partner = TestPartner.create();
        TestPartner other = TestPartner.create();
        other.request().contentType(ContentType.JSON).body(other.onboarding(UUID.randomUUID().toString(), "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(partner.request().contentType(ContentType.JSON)
                    .body(partner.onboarding(UUID.randomUUID().toString(), "contoso.example"))
                    .post("/v1/onboardings").then().statusCode(202).extract().path("id"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = partner.request().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/onboardings").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(created);

        partner.request().queryParam("status", "ACCEPTED").queryParam("createdFrom", Instant.now().minusSeconds(600).toString())
                .get("/v1/onboardings").then().statusCode(200).body("items.id", hasItem(created.get(0)));
        String tenant = partner.request().get("/v1/onboardings/" + created.get(3)).then().extract().path("tenantId");
        List<String> ofTenant = partner.request().queryParam("tenantId", tenant).get("/v1/onboardings")
                .then().statusCode(200).extract().path("items.id");
        assertThat(ofTenant).containsExactly(created.get(3));
    }

    @Test
    void badFiltersAreProblems() {
        TestPartner partner = TestPartner.create();
        for (String[] query : new String[][] {{"limit", "501"}, {"cursor", "bm9wZQ"}, {"status", "NOPE"},
                {"createdFrom", "yesterday"}, {"tenantId", "x' or 1=1"}}) {
            int status = partner.request().queryParam(query[0], query[1]).get("/v1/onboardings").statusCode();
            assertThat(status).as(query[0]).isIn(400, 422);
        }
    }
}
