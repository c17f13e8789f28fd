package com.trustifi.onboarding.api.conformance;

import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.conformance;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.due;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.lastCheck;
import static com.trustifi.onboarding.api.conformance.FleetWatchFixture.onboarded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.outbox.OutboxMessage;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.CommandKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which tenants a sweep reads again, and how: a WATCH that writes nothing and takes nothing from the partner. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class FleetWatchSweepTest {

    @Inject
    FleetWatch watch;

    @Test
    void anOnboardedTenantIsInSyncAndNotCheckedBeforeItsTimeComes() {
        TestPartner partner = TestPartner.create();
        String tenant = onboarded(partner);

        Map<String, Object> found = conformance(partner, tenant);

        assertThat(found).containsEntry("state", "IN_SYNC").containsEntry("policy", "ALERT").containsEntry("ownPolicy", false);
        Instant next = Instant.parse(found.get("nextCheckAt").toString());
        assertThat(next).as("the first check comes once the rule has had time to propagate")
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofHours(6)));
        watch.sweepAsOf(next.minusSeconds(1));
        assertThat(QuarkusTransaction.requiringNew().call(() -> TenantConformance.<TenantConformance>findById(tenant).lastCheckId))
                .as("not due yet").isNull();
    }

    @Test
    void aDueTenantGetsAWatchThatNeitherRaisesItsGenerationNorKeepsItBusyNorShowsInTheList() {
        TestPartner partner = TestPartner.create();
        String tenant = onboarded(partner);
        due(tenant);

        assertThat(watch.sweepAsOf(Instant.now())).isGreaterThanOrEqualTo(1);

        String check = lastCheck(tenant);
        Onboarding started = QuarkusTransaction.requiringNew().call(() -> Onboarding.<Onboarding>findById(UUID.fromString(check)));
        assertThat(started.kind).isEqualTo(CommandKind.WATCH);
        assertThat(started.watch).isTrue();
        List<String> commands = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list("messageKey", tenant)
                .stream().map(message -> message.payload).toList());
        String verify = commands.stream().filter(command -> command.contains(check)).findFirst().orElseThrow();
        String onboard = commands.stream().filter(command -> command.contains("\"kind\":\"ONBOARD\"")).findFirst().orElseThrow();
        assertThat(verify).contains("\"kind\":\"WATCH\"");
        assertThat(generation(verify)).as("a check stops nothing in progress").isEqualTo(generation(onboard));
        assertThat(conformance(partner, tenant).get("history")).asList().hasSize(1);
        partner.request().get("/v1/onboardings?tenantId=" + tenant).then().statusCode(200).body("items.size()", equalTo(1));
        partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example")).post("/v1/onboardings")
                .then().statusCode(202);
        partner.request().post("/v1/onboardings/" + check + "/verify").then().statusCode(409);
    }

    private static String generation(String command) {
        return command.replaceAll(".*\"generation\":(\\d+).*", "$1");
    }

    @Test
    void aTenantBusyWithItsPartnersOnboardingIsCheckedAfterIt() {
        TestPartner partner = TestPartner.create();
        String tenant = onboarded(partner);
        partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example")).post("/v1/onboardings")
                .then().statusCode(202);
        due(tenant);

        watch.sweepAsOf(Instant.now());

        TenantConformance after = QuarkusTransaction.requiringNew().call(() -> TenantConformance.<TenantConformance>findById(tenant));
        assertThat(after.lastCheckId).isNull();
        assertThat(after.nextCheckAt).isAfter(Instant.now().plus(Duration.ofMinutes(4))).isBefore(Instant.now().plus(Duration.ofMinutes(6)));
    }

    @Test
    void aPartnerCanHaveItsTenantsCheckedNowAndTheGaugesCountTheFleetByState() {
        TestPartner partner = TestPartner.create();
        String tenant = onboarded(partner);

        partner.request().post("/v1/conformance/checks?tenantId=" + tenant).then().statusCode(202).body("due", equalTo(1));
        watch.tick();

        assertThat(QuarkusTransaction.requiringNew().call(() -> TenantConformance.<TenantConformance>findById(tenant).lastCheckId)).isNotNull();
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("conformance_tenants\\{state=\"IN_SYNC\"\\} [1-9]");
    }
}
