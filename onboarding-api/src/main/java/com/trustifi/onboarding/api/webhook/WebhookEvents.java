package com.trustifi.onboarding.api.webhook;

/** Which events a partner's webhook gets. */
public enum WebhookEvents {
    /** One event when an onboarding ends: SUCCEEDED or FAILED. */
    TERMINAL,
    /** An event for every step's outcome, and the one at the end. */
    ALL_STEPS
}
