package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.onboarding.Activation;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch's progress as its partner sees it. */
public record BatchView(
        UUID id,
        @Schema(description = "Rows accepted when the batch was submitted") int accepted,
        @Schema(description = "Rows refused when the batch was submitted") int rejected,
        @Schema(description = "The batch's onboardings by status") Map<OnboardingStatus, Long> counts,
        @Schema(description = "The SUCCEEDED onboardings by activation: PENDING until the fleet watch has confirmed them in "
                + "effect after the rule's propagation time (ACTIVE) or given up (NOT_PROPAGATED)") Map<Activation, Long> activations,
        @Schema(description = "Finished onboardings (SUCCEEDED, FAILED or CANCELED) out of all, in percent") double percentDone,
        @Schema(description = "When the last onboarding should finish, at the rate they have finished so far; "
                + "null until one has finished") Instant estimatedCompletionAt,
        @Schema(description = "The first " + Batches.FAILED_LISTED + " failed onboardings by tenant, with what to do about each; counts.FAILED says "
                + "how many there are, GET /v1/onboardings?batchId={id}&status=FAILED (paged) and results.csv give every one")
        List<Failure> failed,
        Instant createdAt) {

    public record Failure(UUID onboardingId, String tenantId, String detail, String remediation, boolean retryable) {

        static Failure of(Onboarding onboarding) {
            return new Failure(onboarding.id, onboarding.tenantId, onboarding.detail, onboarding.remediation, onboarding.retryable);
        }
    }

    static BatchView of(BatchReport report) {
        return new BatchView(report.batch().id, report.batch().acceptedCount, report.batch().rejectedCount,
                report.progress().counts(), report.progress().activations(), report.progress().percentDone(), report.progress().estimatedCompletionAt(),
                report.failed().stream().map(Failure::of).toList(), report.batch().createdAt);
    }
}
