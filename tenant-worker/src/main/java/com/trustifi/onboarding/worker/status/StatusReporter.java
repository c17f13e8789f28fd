package com.trustifi.onboarding.worker.status;

import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.plan.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns one run of a command into status events with a growing sequence. Each run numbers its
 * events from the time it started, so that the API applies a later run's events over an earlier
 * one's: a redelivery after a crash, or after a delayed retry, supersedes whatever the run before
 * it reported, even when that run got further.
 * <p>
 * Steps that finish close together are published together: a step's event waits for the next one unless it is
 * the run's first (the partner sees the onboarding start), about the onboarding as a whole (its state changed, or it
 * ended), a retry (a partner should see what it waits for), or the oldest event waiting is {@link #FOLD_WINDOW} old
 * when the next comes. So a plan against a fast Exchange publishes three reports rather than thirteen events; against
 * a slow one a step shows when the next one ends, as nothing wakes a waiting event before then.
 * Every run ends with an event about the onboarding or a deferral, which sends whatever waits; a run cut short by a
 * crash loses what waited, as it loses the command's offset: the command is delivered again and its next run reports
 * from the start. What a failed send held is kept and goes with the next report (the API drops an event it has seen).
 */
public final class StatusReporter {

    private final ProvisioningCommand command;
    private final Consumer<List<StatusEvent>> publisher;
    private final List<StatusEvent> waiting = new ArrayList<>();
    private long oldestWaitingSince;
    private boolean reportedYet;
    private final Map<ProvisioningStep, Integer> attempts = new EnumMap<>(ProvisioningStep.class);
    private long sequence;
    private Optional<String> secret = Optional.empty();

    /** Room for the events of one run: far more than the steps and retries of a plan. */
    static final long SEQUENCES_PER_RUN = 10_000;
    /** Beyond this age a waiting event goes with the next one rather than waiting for a third: about a poll's interval. */
    static final Duration FOLD_WINDOW = Duration.ofSeconds(1);

    /** @param publisher where the events go, a report at a time: {@link StatusPublisher} in the service, a list in plan tests */
    public StatusReporter(ProvisioningCommand command, Consumer<List<StatusEvent>> publisher, Instant runStart) {
        this.command = command;
        this.publisher = publisher;
        this.sequence = runStart.toEpochMilli() * SEQUENCES_PER_RUN;
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
        publish(step, new StepResult(StepOutcome.RETRYING, reason, null, true), failedAttempt, nextAttemptAt);
    }

    /** The step ran out of retries for now; the whole command is delivered again at {@code nextAttemptAt}. */
    public void deferred(ProvisioningStep step, Instant nextAttemptAt, String reason) {
        publish(step, new StepResult(StepOutcome.RETRYING, reason, null, true), attempts.getOrDefault(step, 1), nextAttemptAt);
    }

    public void step(ProvisioningStep step, StepResult result) {
        publish(step, result, attempts.getOrDefault(step, 1), null);
    }

    public void onboarding(StepResult result) {
        publish(ProvisioningStep.ONBOARDING, result, 1, null);
    }

    private void publish(ProvisioningStep step, StepResult result, int attempt, Instant nextAttemptAt) {
        StatusEvent event = new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), command.onboardingId(),
                command.tenantId(), ++sequence, step, result.outcome(), redacted(result.detail()),
                redacted(result.remediation()), attempt, nextAttemptAt, result.retryable(), Instant.now(),
                result.profile(), result.dnsRecords(), result.drift().stream().map(this::redacted).toList());
        long now = System.nanoTime();
        if (waiting.isEmpty()) {
            oldestWaitingSince = now;
        }
        waiting.add(event);
        if (!reportedYet || event.isAboutOnboarding() || event.outcome() == StepOutcome.RETRYING
                || now - oldestWaitingSince >= FOLD_WINDOW.toNanos()) {
            publisher.accept(List.copyOf(waiting));
            // only once sent: a send that failed leaves them for the next report
            waiting.clear();
            reportedYet = true;
        }
    }

    /** A drift's values are what the tenant holds, which an administrator may have set to anything, the secret too. */
    private PropertyDrift redacted(PropertyDrift drift) {
        return new PropertyDrift(drift.object(), drift.property(), redacted(drift.expected()), redacted(drift.found()));
    }
}
