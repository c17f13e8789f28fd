package com.trustifi.onboarding.api.onboarding.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.WorkerReports;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingView;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.DnsRecord;
import com.trustifi.onboarding.model.DnsRecordCheck;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The status poll reads an onboarding without Hibernate: it must read exactly what the entity holds. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class OnboardingStatusQueryTest {

    @Inject
    OnboardingStatusQuery statuses;

    @Test
    void readsEveryFieldAndStepAsTheEntityDoesAndOnlyForItsPartner() {
        TestPartner partner = TestPartner.create();
        String tenantId = UUID.randomUUID().toString();
        var body = partner.onboarding(tenantId, "contoso.example", "fabrikam.example");
        body.put("limitedScope", Map.of("senderAddresses", List.of("a@contoso.example", "b@contoso.example")));
        body.put("testRecipient", "probe@contoso.example");
        body.put("profile", "ALL_TENANTS");
        UUID id = UUID.fromString(partner.request().contentType(ContentType.JSON).body(body).post("/v1/onboardings")
                .then().statusCode(202).extract().path("id"));
        long sequence = Instant.now().toEpochMilli() * 10_000;
        Instant now = Instant.now();
        var identity = new DnsRecord("identity", "TXT", "_amazonses.contoso.example", "token");
        WorkerReports.send(new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), id, tenantId, sequence + 1,
                ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "Profile ALL_TENANTS", null, 1, null, false, now,
                RelayProfileName.ALL_TENANTS, null));
        WorkerReports.send(new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), id, tenantId, sequence + 2,
                ProvisioningStep.CHECK_DOMAIN_VERIFICATION, StepOutcome.WARNING, "1 record is not published", "Publish it", 1,
                null, false, now, null, List.of(new DnsRecordCheck(identity, false))));
        WorkerReports.send(new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), id, tenantId, sequence + 3,
                ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepOutcome.RETRYING, "Exchange throttled the call", null, 2,
                now.plusSeconds(30).truncatedTo(ChronoUnit.MICROS), true, now));
        UUID partnerId = UUID.fromString(partner.id());

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.find(partnerId, id).orElseThrow().steps.size() == 3);

        Onboarding read = statuses.find(partnerId, id).orElseThrow();
        Onboarding loaded = QuarkusTransaction.requiringNew().call(() -> {
            Onboarding entity = Onboarding.ofPartner(partnerId, id).orElseThrow();
            entity.steps.size();
            return entity;
        });
        assertThat(OnboardingView.of(read)).isEqualTo(OnboardingView.of(loaded));
        assertThat(read.version()).isEqualTo(loaded.version());
        assertThat(OnboardingView.of(read).limitedScope().senderAddresses()).containsExactly("a@contoso.example", "b@contoso.example");
        assertThat(OnboardingView.of(read).dnsRecords()).hasSize(1);
        assertThat(read.steps).extracting(step -> step.outcome)
                .containsExactly(StepOutcome.PASSED, StepOutcome.WARNING, StepOutcome.RETRYING);
        assertThat(read.steps.get(2).nextAttemptAt).isNotNull();

        assertThat(statuses.find(UUID.fromString(TestPartner.create().id()), id)).isEmpty();
        assertThat(statuses.find(partnerId, UUID.randomUUID())).isEmpty();
    }
}
