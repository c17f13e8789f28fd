package com.trustifi.onboarding.api.connection.consent;

import java.net.URI;
import java.time.Instant;

/** The admin-consent URL a partner sends to the customer's administrator, and until when it works. */
public record ConnectLink(URI consentUrl, String tenantId, Instant expiresAt) {
}
