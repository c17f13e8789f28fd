package com.trustifi.onboarding.api.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of a webhook call.
 *
 * @param type "onboarding.finished" when the onboarding reached SUCCEEDED or FAILED, "onboarding.step" for a
 *             step's outcome (ALL_STEPS only), "tenant.consent-withdrawn" when Entra refused the app in a connected
 *             tenant (the onboarding is the one that met the refusal), "tenant.drifted" when the fleet watch found the
 *             tenant's objects changed since the last time it looked (the onboarding is the check that found it),
 *             "onboarding.active" or "onboarding.not-propagated" when the fleet watch confirmed a SUCCEEDED onboarding
 *             in effect or gave up (the detail says why)
 * @param drift with "tenant.drifted": each property that differs, as the check found it
 */
public record WebhookEvent(UUID eventId, String type, UUID onboardingId, UUID batchId, String tenantId,
        OnboardingStatus status, ProvisioningStep step, StepOutcome outcome, String detail, String remediation,
        boolean retryable, Instant occurredAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<PropertyDrift> drift) {

    WebhookEvent(UUID eventId, String type, UUID onboardingId, UUID batchId, String tenantId, OnboardingStatus status,
            ProvisioningStep step, StepOutcome outcome, String detail, String remediation, boolean retryable, Instant occurredAt) {
        this(eventId, type, onboardingId, batchId, tenantId, status, step, outcome, detail, remediation, retryable, occurredAt, null);
    }

    static final String FINISHED = "onboarding.finished";
    static final String STEP = "onboarding.step";
    static final String CONSENT_WITHDRAWN = "tenant.consent-withdrawn";
    static final String DRIFTED = "tenant.drifted";
    static final String ACTIVE = "onboarding.active";
    static final String NOT_PROPAGATED = "onboarding.not-propagated";
}
