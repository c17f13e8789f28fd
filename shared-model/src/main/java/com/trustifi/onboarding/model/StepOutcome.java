package com.trustifi.onboarding.model;

/** How a step ended; {@link #SUCCEEDED} and {@link #FAILED} also end the whole onboarding. */
public enum StepOutcome {
    /** A check found everything as required. */
    PASSED,
    CREATED,
    UPDATED,
    UNCHANGED,
    SKIPPED,
    FAILED,
    SUCCEEDED
}
