package com.trustifi.onboarding.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How partners' connect links are made: the multi-tenant app a customer's administrator consents
 * to, where Entra sends the administrator back, and the key that signs each link's state. Without
 * the app, the redirect URI and the key, no tenant can be connected, so none can be onboarded.
 */
@ConfigMapping(prefix = "onboarding.tenant-connections")
public interface TenantConnectionConfig {

    /** The application (client) id of the multi-tenant app; the worker signs in as the same app. */
    Optional<String> clientId();

    /** Where the admin-consent page lives; the local stack points it at the simulator. */
    @WithDefault("https://login.microsoftonline.com")
    URI authorityHost();

    /** This API's {@code /v1/tenant-connections/callback} as the administrator's browser reaches it; registered on the app. */
    Optional<URI> redirectUri();

    /** {@code .default}: the consent covers every permission configured on the app (Graph and Exchange). */
    @WithDefault("https://graph.microsoft.com/.default")
    String scope();

    /** Base64 of at least 32 random bytes: the HMAC-SHA256 key of connect links' states. Secret. */
    Optional<String> stateKey();

    /** How long a connect link can be used. */
    @WithDefault("1h")
    Duration stateLifetime();
}
