package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.DnsRecordCheck;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.StepOutcome;
import java.util.List;

/**
 * How a step ended, in words a partner's operator can act on, and what it found that the API keeps as data: the
 * profile the tenant check chose, the domain-verification records and whether DNS has them.
 */
public record StepResult(StepOutcome outcome, String detail, String remediation, boolean retryable,
        RelayProfileName profile, List<DnsRecordCheck> dnsRecords, List<PropertyDrift> drift) {

    public StepResult {
        dnsRecords = dnsRecords == null ? List.of() : List.copyOf(dnsRecords);
        drift = drift == null ? List.of() : List.copyOf(drift);
    }

    public StepResult(StepOutcome outcome, String detail, String remediation, boolean retryable,
            RelayProfileName profile, List<DnsRecordCheck> dnsRecords) {
        this(outcome, detail, remediation, retryable, profile, dnsRecords, List.of());
    }

    public StepResult(StepOutcome outcome, String detail, String remediation, boolean retryable) {
        this(outcome, detail, remediation, retryable, null, List.of());
    }

    /** A verify's finding: the detail in words, and each property that differs as data. */
    public static StepResult drifted(String detail, List<PropertyDrift> drift) {
        return new StepResult(StepOutcome.DRIFTED, detail, null, false, null, List.of(), drift);
    }

    public static StepResult of(StepOutcome outcome, String detail) {
        return new StepResult(outcome, detail, null, false);
    }

    public static StepResult failed(String reason, String remediation) {
        return new StepResult(StepOutcome.FAILED, reason, remediation, false);
    }

    public static StepResult failedRetryable(String reason, String remediation) {
        return new StepResult(StepOutcome.FAILED, reason, remediation, true);
    }

    public StepResult withProfile(RelayProfileName chosen) {
        return new StepResult(outcome, detail, remediation, retryable, chosen, dnsRecords, drift);
    }

    public StepResult withDrift(List<PropertyDrift> found) {
        return new StepResult(outcome, detail, remediation, retryable, profile, dnsRecords, found);
    }

    public StepResult withDnsRecords(List<DnsRecordCheck> checked) {
        return new StepResult(outcome, detail, remediation, retryable, profile, checked, drift);
    }

    public boolean isFailure() {
        return outcome == StepOutcome.FAILED;
    }

    public boolean changedSomething() {
        return outcome == StepOutcome.CREATED || outcome == StepOutcome.UPDATED || outcome == StepOutcome.REMOVED;
    }
}
