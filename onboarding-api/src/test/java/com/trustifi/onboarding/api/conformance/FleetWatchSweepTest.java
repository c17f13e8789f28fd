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
    @Inject
    ConformanceService conformanceService;

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
    void partnersTakeTurnsSoThatOnePartnersWholeFleetDueAtOnceDoesNotHoldUpAnothersCheck() {
        TestPartner large = TestPartner.create();
        TestPartner small = TestPartner.create();
        List<String> fleet = List.of(onboarded(large), onboarded(large), onboarded(large));
        String other = onboarded(small);
        // a day back, where no other test's tenant is due: the large partner's fleet fell due first
        Instant then = Instant.now().minus(Duration.ofDays(1));
        for (int i = 0; i < fleet.size(); i++) {
            dueAt(fleet.get(i), then.minusSeconds(30 - i));
        }
        dueAt(other, then.minusSeconds(5));

        try {
            int started = QuarkusTransaction.requiringNew().call(() -> conformanceService.startDue(then, 2));

            assertThat(started).isEqualTo(2);
            assertThat(lastCheckOrNull(other)).as("the small partner's tenant gets its turn").isNotNull();
            assertThat(lastCheckOrNull(fleet.get(0))).as("the large partner's earliest").isNotNull();
            assertThat(lastCheckOrNull(fleet.get(1))).isNull();
            assertThat(lastCheckOrNull(fleet.get(2))).isNull();
        } finally {
            // not due a day back for a later run against the same database
            fleet.forEach(tenant -> dueAt(tenant, Instant.now().plus(Duration.ofDays(1))));
        }
    }

    private static void dueAt(String tenant, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> TenantConformance.update("nextCheckAt = ?1 where tenantId = ?2", at, tenant));
    }

    private static UUID lastCheckOrNull(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> TenantConformance.<TenantConformance>findById(tenant).lastCheckId);
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
