package com.trustifi.onboarding.simulator.token;

import com.sun.net.httpserver.HttpExchange;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.signin.AuthorizationCode;
import com.trustifi.onboarding.simulator.signin.AuthorizationCodes;
import com.trustifi.onboarding.simulator.signin.IdTokenIssuer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization code grant: the app redeems the code of a user's sign-in with its own credentials, the redirect
 * URI of the sign-in and the PKCE verifier, and gets the user's id token. A code is redeemable once, by the app it was
 * issued to, at its own tenant or at {@code organizations}/{@code common}.
 */
final class AuthorizationCodeGrant {

    private static final Duration LIFETIME = Duration.ofSeconds(3599);
    private static final List<String> ANY_TENANT = List.of("organizations", "common");

    private final TenantRegistry tenants;
    private final SimulatorOptions options;
    private final AuthorizationCodes codes;
    private final IdTokenIssuer idTokens;
    private final AccessTokenSigner signer;
    private final JsonWire json;
    private final Clock clock;

    AuthorizationCodeGrant(TenantRegistry tenants, SimulatorOptions options, AuthorizationCodes codes, IdTokenIssuer idTokens,
                           AccessTokenSigner signer, JsonWire json, Clock clock) {
        this.tenants = tenants;
        this.options = options;
        this.codes = codes;
        this.idTokens = idTokens;
        this.signer = signer;
        this.json = json;
        this.clock = clock;
    }

    void handle(HttpExchange exchange, Map<String, String> form, String tenantSegment) throws IOException {
        Instant now = clock.instant();
        if (!ANY_TENANT.contains(tenantSegment.toLowerCase()) && tenants.find(tenantSegment).isEmpty()) {
            fail(exchange, EntraError.tenantNotFound(tenantSegment));
            return;
        }
        ClientCredential credential = ClientCredential.of(exchange, form);
        if (credential.clientId() == null) {
            fail(exchange, EntraError.missingParameter("client_id"));
            return;
        }
        if (!credential.clientId().equalsIgnoreCase(options.clientId())) {
            fail(exchange, EntraError.applicationNotFound(credential.clientId(), tenantSegment));
            return;
        }
        if (credential.secret() == null) {
            fail(exchange, EntraError.missingCredential());
            return;
        }
        if (!credential.secret().equals(options.clientSecret())) {
            fail(exchange, EntraError.invalidSecret(credential.clientId()));
            return;
        }
        if (form.get("code") == null) {
            fail(exchange, EntraError.missingParameter("code"));
            return;
        }
        AuthorizationCodes.Redemption redemption = codes.redeem(form.get("code"), now);
        Optional<EntraError> refusal = refusal(redemption, form, tenantSegment, credential.clientId());
        if (refusal.isPresent()) {
            fail(exchange, refusal.get());
            return;
        }
        AuthorizationCode code = redemption.grant().orElseThrow();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token_type", "Bearer");
        answer.put("scope", "openid profile");
        answer.put("expires_in", LIFETIME.toSeconds());
        answer.put("ext_expires_in", LIFETIME.toSeconds());
        // the user's own access token: no audience that Graph or Exchange accept as the app
        answer.put("access_token", signer.issue(new AccessToken(code.tenantId(), "user:" + code.user().objectId(), now.plus(LIFETIME))));
        answer.put("id_token", idTokens.issue(code, now));
        exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache");
        json.send(exchange, 200, answer);
    }

    private static Optional<EntraError> refusal(AuthorizationCodes.Redemption redemption, Map<String, String> form, String tenantSegment,
                                                String clientId) {
        if (redemption.grant().isEmpty()) {
            return Optional.of(redemption.alreadyRedeemed() ? EntraError.codeAlreadyRedeemed() : EntraError.invalidCode());
        }
        AuthorizationCode code = redemption.grant().get();
        if (!code.clientId().equalsIgnoreCase(clientId)) {
            return Optional.of(EntraError.invalidCode());
        }
        if (!ANY_TENANT.contains(tenantSegment.toLowerCase()) && !tenantSegment.equalsIgnoreCase(code.tenantId())) {
            return Optional.of(EntraError.invalidCode());
        }
        if (!code.redirectUri().toString().equals(form.get("redirect_uri"))) {
            return Optional.of(EntraError.redirectUriMismatch());
        }
        if (form.get("code_verifier") == null || !challengeOf(form.get("code_verifier")).equals(code.codeChallenge())) {
            return Optional.of(EntraError.codeVerifierMismatch());
        }
        return Optional.empty();
    }

    /** RFC 7636 S256: base64url(SHA-256(verifier)). */
    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void fail(HttpExchange exchange, EntraError error) throws IOException {
        json.send(exchange, error.httpStatus(), error.body(exchange.getRequestHeaders().getFirst("client-request-id"), clock.instant()));
    }
}
