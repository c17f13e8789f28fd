package com.trustifi.onboarding.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How partners' connect links are made and completed: the multi-tenant app a customer's administrator
 * signs in to and consents to, its secret (to redeem the sign-in's code), where Entra sends the
 * administrator back, and the key that signs each link's state. Without the app, its secret, the
 * redirect URI and the key, no tenant can be connected, so none can be onboarded.
 */
@ConfigMapping(prefix = "onboarding.tenant-connections")
public interface TenantConnectionConfig {

    /** The application (client) id of the multi-tenant app; the worker signs in as the same app. */
    Optional<String> clientId();

    /**
     * Entra's login host: sign-in, token endpoint, signing keys ({@code /discovery/v2.0/keys}) and admin consent. An id
     * token's issuer must be {@code <authority-host>/<its tid>/v2.0}. The local stack points it at the simulator.
     */
    @WithDefault("https://login.microsoftonline.com")
    URI authorityHost();

    /**
     * Where the administrator's browser reaches the login host (sign-in and admin consent), when it names it otherwise
     * than this API does: only in the compose demo, where the browser is on the Docker host. Defaults to the authority host.
     */
    Optional<URI> browserAuthorityHost();

    /** This API's {@code /v1/tenant-connections/callback} as the administrator's browser reaches it; registered on the app. */
    Optional<URI> redirectUri();

    /** The app's client secret, to redeem sign-in codes at the token endpoint. Secret. */
    Optional<String> clientSecret();

    /** A PKCS12 truststore for the login host, when its certificate is not one the JDK trusts (the simulator's). */
    Optional<Path> trustStore();

    Optional<String> trustStorePassword();

    /** {@code .default}: the consent covers every permission configured on the app (Graph and Exchange). */
    @WithDefault("https://graph.microsoft.com/.default")
    String scope();

    /** Base64 of at least 32 random bytes: the HMAC-SHA256 key of connect links' states. Secret. */
    Optional<String> stateKey();

    /** How long a connect link can be used. */
    @WithDefault("1h")
    Duration stateLifetime();
}
