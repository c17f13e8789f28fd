package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.DnsRecordCheck;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayConfiguration;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An onboarding as a partner sees it. */
public record OnboardingView(
        UUID id,
        @Schema(description = "What the worker was asked to do: ONBOARD, PLAN, VERIFY, OFFBOARD or ROTATE_SECRET")
        CommandKind kind,
        @Schema(description = "For an action (retry, verify, plan, offboard, rotate-secret): the onboarding it was taken on")
        UUID originId,
        String tenantId,
        UUID relayAccountId,
        @Schema(description = "The batch the onboarding was submitted in, if any")
        UUID batchId,
        List<String> relayDomains,
        RelayConfiguration.LimitedScope limitedScope,
        String testRecipient,
        @Schema(description = "The profile the partner named; absent when it is chosen by the tenant's creation date")
        RelayProfileName profile,
        @Schema(description = "The profile the worker applies, once it has checked the tenant")
        RelayProfileName appliedProfile,
        @Schema(description = "Profile ALL_TENANTS: each domain-verification record to publish, and whether the "
                + "worker's DNS lookup found it published")
        List<DnsRecordCheck> dnsRecords,
        OnboardingStatus status,
        @Schema(description = "With a SUCCEEDED onboarding: PENDING until the fleet watch has confirmed, after the rule's "
                + "propagation time, that it is in effect (ACTIVE), or found it is not (NOT_PROPAGATED); SUPERSEDED when a "
                + "later onboarding of the tenant, or its offboarding, came first (no webhook is sent for that)")
        Activation activation,
        @Schema(description = "How the activation was confirmed, or why it was not")
        String activationDetail,
        String detail,
        String remediation,
        boolean retryable,
        List<StepView> steps,
        Instant createdAt,
        Instant updatedAt) {

    public record StepView(ProvisioningStep step, StepOutcome outcome, String detail, String remediation,
            int attempt, Instant nextAttemptAt, Instant updatedAt) {

        static StepView of(OnboardingStep step) {
            return new StepView(step.step, step.outcome, step.detail, step.remediation, step.attempt, step.nextAttemptAt,
                    step.updatedAt);
        }
    }

    public static OnboardingView of(Onboarding onboarding) {
        return new OnboardingView(
                onboarding.id,
                onboarding.kind,
                onboarding.originId,
                onboarding.tenantId,
                onboarding.relayAccountId,
                onboarding.batchId,
                onboarding.relayDomains,
                onboarding.limitedScope(),
                onboarding.testRecipient,
                onboarding.requestedProfile,
                onboarding.appliedProfile,
                onboarding.dnsRecords(),
                onboarding.status,
                onboarding.activation,
                onboarding.activationDetail,
                onboarding.detail,
                onboarding.remediation,
                onboarding.retryable,
                onboarding.steps.stream().map(StepView::of).toList(),
                onboarding.createdAt,
                onboarding.updatedAt);
    }
}
