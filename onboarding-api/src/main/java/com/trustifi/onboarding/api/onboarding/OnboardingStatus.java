package com.trustifi.onboarding.api.onboarding;

import java.util.List;

/** Where an onboarding stands, as a partner sees it. */
public enum OnboardingStatus {
    ACCEPTED,
    RUNNING,
    /** The worker has made its changes; Exchange is still applying them. */
    PROPAGATING,
    SUCCEEDED,
    FAILED,
    /** The partner canceled it; later events from the worker are ignored. */
    CANCELED;

    /** The statuses that hold the tenant: at most one onboarding per tenant is in one of them. */
    public static final List<OnboardingStatus> ACTIVE = List.of(ACCEPTED, RUNNING, PROPAGATING);

    public boolean isTerminal() {
        return !ACTIVE.contains(this);
    }
}
