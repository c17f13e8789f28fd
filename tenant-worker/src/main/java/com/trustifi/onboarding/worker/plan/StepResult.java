package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.DnsRecordCheck;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.StepOutcome;
import java.util.List;

/**
 * How a step ended, in words a partner's operator can act on, and what it found that the API keeps as data: the
 * profile the tenant check chose, the domain-verification records and whether DNS has them.
 */
public record StepResult(StepOutcome outcome, String detail, String remediation, boolean retryable,
        RelayProfileName profile, List<DnsRecordCheck> dnsRecords) {

    public StepResult {
        dnsRecords = dnsRecords == null ? List.of() : List.copyOf(dnsRecords);
    }

    public StepResult(StepOutcome outcome, String detail, String remediation, boolean retryable) {
        this(outcome, detail, remediation, retryable, null, List.of());
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
        return new StepResult(outcome, detail, remediation, retryable, chosen, dnsRecords);
    }

    public StepResult withDnsRecords(List<DnsRecordCheck> checked) {
        return new StepResult(outcome, detail, remediation, retryable, profile, checked);
    }

    public boolean isFailure() {
        return outcome == StepOutcome.FAILED;
    }

    public boolean changedSomething() {
        return outcome == StepOutcome.CREATED || outcome == StepOutcome.UPDATED || outcome == StepOutcome.REMOVED;
    }
}
