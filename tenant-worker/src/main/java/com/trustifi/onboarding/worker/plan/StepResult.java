package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.StepOutcome;

/** How a step ended, in words a partner's operator can act on. */
public record StepResult(StepOutcome outcome, String detail, String remediation) {

    public static StepResult of(StepOutcome outcome, String detail) {
        return new StepResult(outcome, detail, null);
    }

    public static StepResult failed(String reason, String remediation) {
        return new StepResult(StepOutcome.FAILED, reason, remediation);
    }

    public boolean isFailure() {
        return outcome == StepOutcome.FAILED;
    }
}
