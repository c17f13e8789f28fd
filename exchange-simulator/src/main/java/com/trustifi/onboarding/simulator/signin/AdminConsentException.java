package com.trustifi.onboarding.simulator.signin;

import com.trustifi.onboarding.simulator.token.EntraError;

/** The admin-consent page cannot go on: Entra shows its error page instead of redirecting. */
public final class AdminConsentException extends RuntimeException {

    private final transient EntraError error;

    AdminConsentException(EntraError error) {
        super(error.shortDescription());
        this.error = error;
    }

    EntraError error() {
        return error;
    }
}
