package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.model.CommandKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of onboardings; GET an item's id for its steps. */
public record OnboardingPage(
        List<Item> items,
        @Schema(description = "Pass as ?cursor= for the next page; absent on the last page") String nextCursor) {

    public record Item(UUID id, CommandKind kind, UUID originId, UUID batchId, String tenantId, OnboardingStatus status, String detail,
            String remediation, boolean retryable, Instant createdAt, Instant updatedAt) {

        static Item of(Onboarding onboarding) {
            return new Item(onboarding.id, onboarding.kind, onboarding.originId, onboarding.batchId, onboarding.tenantId, onboarding.status,
                    onboarding.detail, onboarding.remediation, onboarding.retryable, onboarding.createdAt, onboarding.updatedAt);
        }
    }
}
