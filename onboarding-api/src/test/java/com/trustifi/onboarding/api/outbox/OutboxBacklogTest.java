package com.trustifi.onboarding.api.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** How far the relay is behind shows as a metric and as a health group an operator can alert on. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class OutboxBacklogTest {

    @Test
    void theOldestPendingAgeIsAMetricFromTheStartAndAHealthGroup() {
        // asked first: the gauge must exist before anyone has looked at the health group
        given().get("/q/metrics").then().statusCode(200).body(containsString("outbox_oldest_pending_age_seconds"));

        given().get("/q/health/group/outbox").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("outbox"));
    }
}
