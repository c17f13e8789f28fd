package com.trustifi.onboarding.api.onboarding;

import java.util.UUID;

/** The tenant already has an onboarding that has not finished. */
public class OnboardingInProgressException extends RuntimeException {

    private final UUID activeOnboardingId;

    public OnboardingInProgressException(UUID activeOnboardingId) {
        super("The tenant already has an onboarding in progress");
        this.activeOnboardingId = activeOnboardingId;
    }

    public UUID activeOnboardingId() {
        return activeOnboardingId;
    }
}
