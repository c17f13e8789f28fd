package com.trustifi.onboarding.api.conformance;

import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.awaitChecked;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.due;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.lastCheck;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.onboarded;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The drifted tenants of a partner, a page at a time, and no other partner's. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class FleetWatchListTest {

    @Inject
    FleetWatch watch;

    @Test
    void theDriftedTenantsComeAPageAtATimeByTenantId() {
        TestPartner partner = TestPartner.create();
        List<String> tenants = IntStream.range(0, 5).mapToObj(i -> onboarded(partner)).toList();
        List<String> drifted = tenants.subList(0, 3);
        drifted.forEach(FleetWatchFixture::due);
        watch.sweepAsOf(Instant.now());
        drifted.forEach(tenant -> report(lastCheck(tenant), tenant, StepOutcome.FAILED, "Drift found", null,
                List.of(new PropertyDrift("Trustifi Inbound Connector (Receive)", PropertyDrift.WHOLE_OBJECT, "present", null))));
        drifted.forEach(tenant -> awaitChecked(partner, tenant, "DRIFTED"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = partner.request().queryParam("state", "DRIFTED").queryParam("limit", 2)
                    .queryParams(cursor == null ? java.util.Map.of() : java.util.Map.of("cursor", cursor))
                    .get("/v1/conformance").then().statusCode(200).extract();
            seen.addAll(page.path("items.tenantId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(drifted.stream().sorted().toList());
        List<String> inSync = partner.request().queryParam("state", "IN_SYNC").get("/v1/conformance").then().statusCode(200)
                .extract().path("items.tenantId");
        assertThat(inSync).containsExactlyInAnyOrderElementsOf(tenants.subList(3, 5));
    }
}
