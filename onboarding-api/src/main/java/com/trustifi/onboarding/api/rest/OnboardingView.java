package com.trustifi.onboarding.api.rest;

import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.api.onboarding.OnboardingStep;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An onboarding as a partner sees it. */
public record OnboardingView(
        UUID id,
        String tenantId,
        List<String> relayDomains,
        OnboardingStatus status,
        String detail,
        String remediation,
        List<StepView> steps,
        Instant createdAt,
        Instant updatedAt) {

    public record StepView(ProvisioningStep step, StepOutcome outcome, String detail, String remediation, Instant updatedAt) {

        static StepView of(OnboardingStep step) {
            return new StepView(step.step, step.outcome, step.detail, step.remediation, step.updatedAt);
        }
    }

    static OnboardingView of(Onboarding onboarding) {
        return new OnboardingView(
                onboarding.id,
                onboarding.tenantId,
                onboarding.relayDomains,
                onboarding.status,
                onboarding.detail,
                onboarding.remediation,
                onboarding.steps.stream().map(StepView::of).toList(),
                onboarding.createdAt,
                onboarding.updatedAt);
    }
}
