package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.StepOutcome;

/** How a step ended, in words a partner's operator can act on. */
public record StepResult(StepOutcome outcome, String detail, String remediation, boolean retryable) {

    public static StepResult of(StepOutcome outcome, String detail) {
        return new StepResult(outcome, detail, null, false);
    }

    public static StepResult failed(String reason, String remediation) {
        return new StepResult(StepOutcome.FAILED, reason, remediation, false);
    }

    public static StepResult failedRetryable(String reason, String remediation) {
        return new StepResult(StepOutcome.FAILED, reason, remediation, true);
    }

    public boolean isFailure() {
        return outcome == StepOutcome.FAILED;
    }

    public boolean changedSomething() {
        return outcome == StepOutcome.CREATED || outcome == StepOutcome.UPDATED || outcome == StepOutcome.REMOVED;
    }
}
