package com.trustifi.onboarding.api.connection;

import java.time.Instant;
import java.util.UUID;

/**
 * What a connect link's {@code state} asserts: which connect request it completes, for which
 * partner, until when. It travels through the administrator's browser and Entra, so it is signed.
 */
public record ConsentState(UUID requestId, UUID partnerId, Instant expiresAt) {
}
