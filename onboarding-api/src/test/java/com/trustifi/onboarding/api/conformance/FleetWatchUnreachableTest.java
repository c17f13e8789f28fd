package com.trustifi.onboarding.api.conformance;

import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.awaitChecked;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.conformance;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.due;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.lastCheck;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.onboarded;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.WorkerReports;
import com.trustifi.onboarding.api.connection.TenantConnection;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A tenant that cannot be read is UNREACHABLE with the reason to act on; an offboarded one is no longer watched. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class FleetWatchUnreachableTest {

    @Inject
    FleetWatch watch;

    @Test
    void aCheckRefusedByTheTenantSaysWhatToDo() {
        TestPartner partner = TestPartner.create();
        String tenant = onboarded(partner);
        due(tenant);
        watch.sweepAsOf(Instant.now());

        report(lastCheck(tenant), tenant, StepOutcome.FAILED, "Get-OrganizationConfig was refused: the app lacks the Exchange "
                + "Administrator role", "Assign the Exchange Administrator role to the onboarding app", List.of());

        awaitChecked(partner, tenant, "UNREACHABLE");
        assertThat(conformance(partner, tenant)).containsEntry("reason", "Get-OrganizationConfig was refused: the app lacks the "
                + "Exchange Administrator role").containsEntry("remediation", "Assign the Exchange Administrator role to the onboarding app");
    }

    @Test
    void aTenantWhoseConsentWasWithdrawnIsUnreachableWithoutACommand() {
        TestPartner partner = TestPartner.create();
        String tenant = onboarded(partner);
        // as the status consumer marks it when Entra refuses the app (ConsentWithdrawnTest)
        QuarkusTransaction.requiringNew().run(() -> TenantConnection.update("consentWithdrawnAt = ?1 where tenantId = ?2", Instant.now(), tenant));
        due(tenant);

        watch.sweepAsOf(Instant.now());

        Map<String, Object> found = conformance(partner, tenant);
        assertThat(found).containsEntry("state", "UNREACHABLE");
        assertThat(found.get("reason").toString()).contains("consent");
        assertThat(QuarkusTransaction.requiringNew().call(() -> TenantConformance.<TenantConformance>findById(tenant).lastCheckId)).isNull();
    }

    @Test
    void anOffboardedTenantIsNoLongerWatched() {
        TestPartner partner = TestPartner.create();
        String tenant = onboarded(partner);
        String onboarding = partner.request().get("/v1/onboardings?tenantId=" + tenant).then().extract().path("items[0].id");
        String offboard = partner.request().post("/v1/onboardings/" + onboarding + "/offboard").then().statusCode(202).extract().path("id");

        WorkerReports.send(FleetWatchFixture.finalEvent(offboard, tenant, StepOutcome.SUCCEEDED, "removed", null, List.of()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> partner.request().get("/v1/tenants/" + tenant + "/conformance")
                .statusCode() == 404);
        partner.request().contentType(ContentType.JSON).get("/v1/tenants/" + tenant + "/conformance").then()
                .contentType("application/problem+json");
    }
}
