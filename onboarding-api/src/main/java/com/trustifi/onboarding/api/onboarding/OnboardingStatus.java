package com.trustifi.onboarding.api.onboarding;

/** Where an onboarding stands, as a partner sees it. */
public enum OnboardingStatus {
    ACCEPTED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
