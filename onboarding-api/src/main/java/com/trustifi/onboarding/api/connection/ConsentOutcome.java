package com.trustifi.onboarding.api.connection;

import java.net.URI;
import java.util.Optional;

/** Where a callback leaves the administrator: on to admin consent after a verified sign-in, or connected. */
public sealed interface ConsentOutcome {

    /** The sign-in verified: the browser goes on to Entra's admin consent for the administrator's own tenant. */
    record SignedIn(URI adminConsentUrl) implements ConsentOutcome {
    }

    /**
     * The tenant is connected to the partner; the {@code resultState} shows how its connection check is doing.
     *
     * @param result what the administrator's result page shows
     */
    record Connected(TenantConnection connection, ConsentResult result, String resultState) implements ConsentOutcome {
    }

    /**
     * What the result page of a connect link shows, read-only.
     *
     * @param current    false when the tenant has since been connected again, by this link's partner or another
     * @param latestCheck the connection check's status, detail and remedy, once the worker answered
     */
    record ConsentResult(String tenantId, String partnerName, String administrator, boolean current,
            Optional<com.trustifi.onboarding.api.onboarding.Onboarding> latestCheck) {
    }
}
