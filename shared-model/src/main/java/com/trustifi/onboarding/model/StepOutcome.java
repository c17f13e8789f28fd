package com.trustifi.onboarding.model;

/**
 * How a step ended or stands. On the {@link ProvisioningStep#ONBOARDING} pseudo-step,
 * {@link #PROPAGATING} says the changes are made but Exchange is still applying them, and
 * {@link #SUCCEEDED} or {@link #FAILED} end the onboarding.
 */
public enum StepOutcome {
    /** A check found everything as required. */
    PASSED,
    /** A check found something a person should fix, which does not stop the relay from working. */
    WARNING,
    CREATED,
    UPDATED,
    REMOVED,
    UNCHANGED,
    SKIPPED,
    /** PLAN: what ONBOARD would do. */
    WOULD_CREATE,
    WOULD_UPDATE,
    WOULD_REMOVE,
    /** VERIFY: the object differs from the profile. */
    DRIFTED,
    /**
     * WATCH, on the connector validation: the connector works, but its test email does not go through it yet, because
     * Exchange has not put the rule that routes to it into effect.
     */
    NOT_PROPAGATED,
    /** A transient failure; the step is tried again at {@code nextAttemptAt}. */
    RETRYING,
    FAILED,
    PROPAGATING,
    SUCCEEDED,
    /** On the ONBOARDING pseudo-step: the worker stopped the command because it was canceled or superseded. */
    CANCELED
}
