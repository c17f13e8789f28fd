package com.trustifi.onboarding.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the worker reports back: events per step, and events about the onboarding as a whole
 * (step {@link ProvisioningStep#ONBOARDING}). The sequence grows within one onboarding so that the
 * API can drop stale and duplicate events. Never carries a secret.
 *
 * @param attempt       1 for the first try of a step, higher for retries
 * @param nextAttemptAt with {@link StepOutcome#RETRYING}: when the step is tried again
 * @param retryable     with {@link StepOutcome#FAILED}: whether retrying the onboarding may help
 * @param profile       with {@link ProvisioningStep#CHECK_TENANT}: the relay profile the plan applies
 * @param dnsRecords    with {@link ProvisioningStep#CHECK_DOMAIN_VERIFICATION}: each record, and whether DNS has it
 * @param drift         with {@link StepOutcome#DRIFTED}, and on a verify's final event: each property that differs
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
        int attempt,
        Instant nextAttemptAt,
        boolean retryable,
        Instant occurredAt,
        RelayProfileName profile,
        List<DnsRecordCheck> dnsRecords,
        List<PropertyDrift> drift) {

    public static final int SCHEMA_VERSION = 1;

    public StatusEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(onboardingId, "onboardingId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
        dnsRecords = dnsRecords == null || dnsRecords.isEmpty() ? null : List.copyOf(dnsRecords);
        drift = drift == null || drift.isEmpty() ? null : List.copyOf(drift);
    }

    /** An event without drift: every event but a verify's. */
    public StatusEvent(int schemaVersion, UUID eventId, UUID onboardingId, String tenantId, long sequence,
            ProvisioningStep step, StepOutcome outcome, String detail, String remediation, int attempt,
            Instant nextAttemptAt, boolean retryable, Instant occurredAt, RelayProfileName profile,
            List<DnsRecordCheck> dnsRecords) {
        this(schemaVersion, eventId, onboardingId, tenantId, sequence, step, outcome, detail, remediation, attempt,
                nextAttemptAt, retryable, occurredAt, profile, dnsRecords, null);
    }

    /** An event that names no profile and no records: every event but the tenant check's and the DNS check's. */
    public StatusEvent(int schemaVersion, UUID eventId, UUID onboardingId, String tenantId, long sequence,
            ProvisioningStep step, StepOutcome outcome, String detail, String remediation, int attempt,
            Instant nextAttemptAt, boolean retryable, Instant occurredAt) {
        this(schemaVersion, eventId, onboardingId, tenantId, sequence, step, outcome, detail, remediation, attempt,
                nextAttemptAt, retryable, occurredAt, null, null, null);
    }

    /** True when this event ends the onboarding. */
    @JsonIgnore
    public boolean isFinal() {
        return step == ProvisioningStep.ONBOARDING
                && (outcome == StepOutcome.SUCCEEDED || outcome == StepOutcome.FAILED || outcome == StepOutcome.CANCELED);
    }

    /** True when this event is about the onboarding as a whole rather than one step. */
    @JsonIgnore
    public boolean isAboutOnboarding() {
        return step == ProvisioningStep.ONBOARDING;
    }
}
