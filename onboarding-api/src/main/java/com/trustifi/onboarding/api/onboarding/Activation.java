package com.trustifi.onboarding.api.onboarding;

/**
 * Whether a SUCCEEDED onboarding's configuration is in effect in Exchange Online, which can apply a new rule 30
 * minutes or more after it was saved: the fleet watch's first check of the tenant confirms it.
 */
public enum Activation {
    /** Saved and read back; the check that confirms it is in effect has not ended yet. */
    PENDING,
    /** The check found the objects in place and, with a test recipient, mail going through the connector. */
    ACTIVE,
    /** The checks gave up: the rule never took effect, the tenant drifted or could not be reached; the detail says which. */
    NOT_PROPAGATED,
    /** A later onboarding of the tenant, or its offboarding, came before the confirmation. */
    SUPERSEDED
}
