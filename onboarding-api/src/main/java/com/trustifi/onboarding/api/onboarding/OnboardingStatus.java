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
    /**
     * Canceled, and the worker not yet known to have stopped: the tenant stays busy until the worker
     * reports how the command ended (or the watchdog's deadline passes).
     */
    CANCELING,
    /** Canceled, and the worker stopped (or never had the command); later events from the worker are ignored. */
    CANCELED;

    /** The statuses that hold the tenant: at most one onboarding per tenant is in one of them. */
    public static final List<OnboardingStatus> ACTIVE = List.of(ACCEPTED, RUNNING, PROPAGATING, CANCELING);

    public boolean isTerminal() {
        return !ACTIVE.contains(this);
    }
}
