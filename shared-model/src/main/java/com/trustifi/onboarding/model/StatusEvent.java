package com.trustifi.onboarding.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the worker reports back, one event per step and a final one for the whole onboarding.
 * The sequence grows within one onboarding so that the API can drop stale and duplicate events.
 * Never carries a secret.
 */
public record StatusEvent(
        int schemaVersion,
        UUID eventId,
        UUID onboardingId,
        String tenantId,
        long sequence,
        ProvisioningStep step,
        StepOutcome outcome,
        String detail,
        String remediation,
        Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;

    public StatusEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(onboardingId, "onboardingId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** True when this event closes the onboarding rather than reporting one step. */
    @JsonIgnore
    public boolean isFinal() {
        return step == ProvisioningStep.ONBOARDING;
    }
}
