package com.trustifi.onboarding.api.connection.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * What a connect link's {@code state} asserts: which connect request it completes, for which partner, until when,
 * and which leg of the journey it is for. It travels through the administrator's browser and Entra, so it is signed.
 */
public record ConsentState(UUID requestId, UUID partnerId, Instant expiresAt, Leg leg) {

    public enum Leg {
        /** Sent to Entra's sign-in ({@code /authorize}); comes back with the code. Single use. */
        SIGN_IN,
        /** Sent to Entra's admin consent, once the administrator's sign-in was verified. Single use. */
        CONSENT,
        /** The result page's: shows how the connection it made is doing, read-only, until the link expires. */
        RESULT
    }
}
