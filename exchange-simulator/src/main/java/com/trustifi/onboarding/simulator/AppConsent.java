package com.trustifi.onboarding.simulator;

/** Whether a tenant's administrator has granted admin consent to the onboarding app, as Entra tells it at sign-in. */
public enum AppConsent {
    /** The app has no service principal in the tenant: Entra answers AADSTS7000229. */
    NEVER_GRANTED,
    /** The administrator granted admin consent; the app can sign in to the tenant. */
    GRANTED,
    /** The service principal remains but its permissions were withdrawn: Entra answers AADSTS65001. */
    REVOKED
}
