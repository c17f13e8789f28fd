package com.trustifi.onboarding.worker.status;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.plan.StepResult;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one delivery of a command into status events with a growing sequence. Each delivery
 * numbers its events above the previous one's, so that the API applies a redelivered plan's
 * events over the earlier ones; a crash-redelivery of the same delivery repeats its numbers, and
 * its repeated events are dropped as stale.
 */
public final class StatusReporter {

    private final ProvisioningCommand command;
    private final StatusPublisher publisher;
    private final Map<ProvisioningStep, Integer> attempts = new EnumMap<>(ProvisioningStep.class);
    private long sequence;
    private Optional<String> secret = Optional.empty();

    /** Room for the events of one delivery: far more than the steps and retries of a plan. */
    private static final long SEQUENCES_PER_DELIVERY = 1_000;

    StatusReporter(ProvisioningCommand command, StatusPublisher publisher, int delivery) {
        this.command = command;
        this.publisher = publisher;
        this.sequence = delivery * SEQUENCES_PER_DELIVERY;
    }

    /**
     * From now on, the command's relay secret is cut out of anything reported, should a service
     * ever echo it back in an error text.
     */
    public void redact(Optional<String> relaySecret) {
        this.secret = relaySecret.filter(value -> !value.isEmpty());
    }

    /** The text as it may be reported or logged. */
    public String redacted(String text) {
        return text == null || secret.isEmpty() ? text : text.replace(secret.get(), "(relay secret)");
    }

    public void retrying(ProvisioningStep step, int failedAttempt, Instant nextAttemptAt, String reason) {
        attempts.put(step, failedAttempt + 1);
        publish(step, StepOutcome.RETRYING, reason, null, failedAttempt, nextAttemptAt, true);
    }

    /** The step ran out of retries for now; the whole command is delivered again at {@code nextAttemptAt}. */
    public void deferred(ProvisioningStep step, Instant nextAttemptAt, String reason) {
        publish(step, StepOutcome.RETRYING, reason, null, attempts.getOrDefault(step, 1), nextAttemptAt, true);
    }

    public void step(ProvisioningStep step, StepResult result) {
        publish(step, result.outcome(), result.detail(), result.remediation(), attempts.getOrDefault(step, 1), null,
                result.retryable());
    }

    public void onboarding(StepResult result) {
        publish(ProvisioningStep.ONBOARDING, result.outcome(), result.detail(), result.remediation(), 1, null, result.retryable());
    }

    public void finished(StepResult result) {
        onboarding(result);
    }

    private void publish(ProvisioningStep step, StepOutcome outcome, String detail, String remediation, int attempt,
            Instant nextAttemptAt, boolean retryable) {
        publisher.publish(new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), command.onboardingId(),
                command.tenantId(), ++sequence, step, outcome, redacted(detail), redacted(remediation), attempt, nextAttemptAt,
                retryable, Instant.now()));
    }
}
