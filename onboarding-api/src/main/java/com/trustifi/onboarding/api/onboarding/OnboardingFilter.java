package com.trustifi.onboarding.api.onboarding;

import java.time.Instant;
import java.util.UUID;

/**
 * Which of a partner's onboardings to list, and where the previous page ended. Every field but
 * the limit is optional.
 *
 * @param after the last onboarding of the previous page: pages are in (createdAt, id) order, so a
 *              page never repeats or skips a row while new onboardings arrive
 */
public record OnboardingFilter(
        OnboardingStatus status, String tenantId, UUID batchId, Instant createdFrom, Instant createdTo, Position after, int limit) {

    public record Position(Instant createdAt, UUID id) {
    }
}
