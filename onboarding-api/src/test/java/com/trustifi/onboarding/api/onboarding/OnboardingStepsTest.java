package com.trustifi.onboarding.api.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A poll of status events loads only the steps its events name ({@link OnboardingStep#namedBy}). Applied here in one
 * transaction, as the status consumer applies a poll, so that a mistake cannot hide behind its one-at-a-time retry.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class OnboardingStepsTest {

    @Test
    void twoEventsOfANewStepInOnePollMakeOneStepAndALateOneChangesNothing() {
        TestPartner partner = TestPartner.create();
        String tenantId = UUID.randomUUID().toString();
        UUID id = UUID.fromString(partner.request().contentType(ContentType.JSON)
                .body(partner.onboarding(tenantId, "contoso.example")).post("/v1/onboardings")
                .then().statusCode(202).extract().path("id"));
        long sequence = Instant.now().toEpochMilli() * 10_000;
        StatusEvent tenantChecked = event(id, tenantId, sequence + 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, 1);
        StatusEvent retrying = event(id, tenantId, sequence + 2, ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepOutcome.RETRYING, 1);
        StatusEvent created = event(id, tenantId, sequence + 3, ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepOutcome.PASSED, 2);

        applyAsOnePoll(List.of(tenantChecked, retrying, created));
        applyAsOnePoll(List.of(retrying));

        List<OnboardingStep> steps = QuarkusTransaction.requiringNew().call(() ->
                OnboardingStep.<OnboardingStep>list("onboarding.id = ?1 order by sequence", id));
        assertThat(steps).extracting(step -> step.step, step -> step.outcome, step -> step.attempt, step -> step.sequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, 1, sequence + 1),
                        org.assertj.core.groups.Tuple.tuple(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepOutcome.PASSED, 2, sequence + 3));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Onboarding.<Onboarding>findById(id).status))
                .isEqualTo(OnboardingStatus.RUNNING);
    }

    private static void applyAsOnePoll(List<StatusEvent> events) {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<UUID, Onboarding> onboardings = Onboarding.lockedForUpdate(events.stream().map(StatusEvent::onboardingId).toList());
            Map<OnboardingStep.Key, OnboardingStep> steps = OnboardingStep.namedBy(events);
            events.forEach(event -> onboardings.get(event.onboardingId()).apply(event, steps));
        });
    }

    private static StatusEvent event(UUID id, String tenantId, long sequence, ProvisioningStep step, StepOutcome outcome, int attempt) {
        return new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), id, tenantId, sequence, step, outcome,
                outcome + " " + step, null, attempt, outcome == StepOutcome.RETRYING ? Instant.now().plusSeconds(30) : null,
                outcome == StepOutcome.RETRYING, Instant.now());
    }
}
