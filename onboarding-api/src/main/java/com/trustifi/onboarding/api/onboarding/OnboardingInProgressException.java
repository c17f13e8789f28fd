package com.trustifi.onboarding.api.onboarding;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenant already has an onboarding that has not finished. The active one is named only when
 * it belongs to the caller: another partner's onboarding stays invisible.
 */
public class OnboardingInProgressException extends RuntimeException {

    private final UUID activeOnboardingId;

    public OnboardingInProgressException(UUID activeOnboardingId) {
        super("The tenant already has an onboarding in progress");
        this.activeOnboardingId = activeOnboardingId;
    }

    public Optional<UUID> activeOnboardingId() {
        return Optional.ofNullable(activeOnboardingId);
    }
}
