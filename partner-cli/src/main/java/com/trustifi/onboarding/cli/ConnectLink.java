package com.trustifi.onboarding.cli;

import java.net.URI;
import java.time.Instant;

/** Entra's sign-in and then admin-consent page for the app, for the tenant's Global Administrator; it works once, until it expires. */
record ConnectLink(URI consentUrl, String tenantId, Instant expiresAt) {
}
