package com.trustifi.onboarding.simulator.token;

import com.sun.net.httpserver.HttpExchange;
import com.trustifi.onboarding.simulator.AppConsent;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.fault.FaultPlan;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.http.QueryString;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: Entra's v2 token endpoint, for the client-credentials grant (the worker)
 * and the authorization code grant (an administrator's sign-in, redeemed by the API).
 */
final class TokenEndpoint {

    /** Entra hands out one-hour tokens minus a second; clients refresh on that basis. */
    private static final Duration LIFETIME = Duration.ofSeconds(3599);
    private static final Set<String> AUDIENCES = Set.of(AccessToken.GRAPH, AccessToken.EXCHANGE);
    /** MSAL may add OpenID scopes to any request; they do not name a resource. */
    private static final Set<String> OPENID_SCOPES = Set.of("openid", "profile", "offline_access", "email");

    private final TenantRegistry tenants;
    private final SimulatorOptions options;
    private final AccessTokenSigner signer;
    private final FaultPlan faults;
    private final JsonWire json;
    private final Clock clock;
    private final AuthorizationCodeGrant codeGrant;

    TokenEndpoint(TenantRegistry tenants, SimulatorOptions options, AccessTokenSigner signer, FaultPlan faults, JsonWire json, Clock clock,
                  AuthorizationCodeGrant codeGrant) {
        this.codeGrant = codeGrant;
        this.tenants = tenants;
        this.options = options;
        this.signer = signer;
        this.faults = faults;
        this.json = json;
        this.clock = clock;
    }

    void handle(HttpExchange exchange, String tenantSegment) throws IOException {
        Map<String, String> form;
        try (InputStream body = exchange.getRequestBody()) {
            form = QueryString.parseForm(body.readAllBytes());
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            fail(exchange, EntraError.postOnly());
            return;
        }
        if ("authorization_code".equals(form.get("grant_type"))) {
            codeGrant.handle(exchange, form, tenantSegment);
            return;
        }
        Optional<SimulatedTenant> tenant = tenants.find(tenantSegment);
        if (tenant.isEmpty()) {
            fail(exchange, EntraError.tenantNotFound(tenantSegment));
            return;
        }
        tenant.get().traffic().recordTokenRequest();
        Optional<EntraError> refusal = refusal(exchange, form, tenant.get());
        if (refusal.isPresent()) {
            fail(exchange, refusal.get());
            return;
        }
        String audience = resourceOf(form.get("scope")).orElseThrow();
        if (!AUDIENCES.contains(audience)) {
            fail(exchange, EntraError.resourceNotFound(audience, tenant.get().initialDomain()));
            return;
        }
        String token = signer.issue(new AccessToken(tenant.get().tenantId(), audience, clock.instant().plus(LIFETIME)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token_type", "Bearer");
        answer.put("expires_in", LIFETIME.toSeconds());
        answer.put("ext_expires_in", LIFETIME.toSeconds());
        answer.put("access_token", token);
        exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache");
        json.send(exchange, 200, answer);
    }

    /** The checks Entra makes, in Entra's order: grant, client, secret, scope. */
    private Optional<EntraError> refusal(HttpExchange exchange, Map<String, String> form, SimulatedTenant tenant) {
        if (form.get("grant_type") == null) {
            return Optional.of(EntraError.missingParameter("grant_type"));
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return Optional.of(EntraError.unsupportedGrantType());
        }
        ClientCredential credential = ClientCredential.of(exchange, form);
        if (credential.clientId() == null) {
            return Optional.of(EntraError.missingParameter("client_id"));
        }
        if (!credential.clientId().equalsIgnoreCase(options.clientId())) {
            return Optional.of(EntraError.applicationNotFound(credential.clientId(), tenant.displayName()));
        }
        if (credential.secret() == null) {
            return Optional.of(EntraError.missingCredential());
        }
        if (!credential.secret().equals(options.clientSecret())) {
            return Optional.of(EntraError.invalidSecret(credential.clientId()));
        }
        if (tenant.appConsent() == AppConsent.NEVER_GRANTED) {
            return Optional.of(EntraError.servicePrincipalMissing(credential.clientId(), tenant.tenantId()));
        }
        if (tenant.appConsent() == AppConsent.REVOKED || faults.effectiveFor(tenant.tenantId()).noConsent()) {
            return Optional.of(EntraError.consentMissing(credential.clientId(), tenant.displayName()));
        }
        if (form.get("scope") == null) {
            return Optional.of(EntraError.missingParameter("scope"));
        }
        if (resourceOf(form.get("scope")).isEmpty()) {
            return Optional.of(EntraError.invalidScope(form.get("scope")));
        }
        return Optional.empty();
    }

    /** The resource of the first {@code <resource>/.default} scope, ignoring OpenID scopes. */
    private static Optional<String> resourceOf(String scope) {
        if (scope == null) {
            return Optional.empty();
        }
        return Arrays.stream(scope.trim().split("\\s+"))
                .filter(s -> !OPENID_SCOPES.contains(s))
                .filter(s -> s.endsWith("/.default"))
                .map(s -> s.substring(0, s.length() - "/.default".length()))
                .findFirst();
    }

    private void fail(HttpExchange exchange, EntraError error) throws IOException {
        Instant now = clock.instant();
        json.send(exchange, error.httpStatus(), error.body(exchange.getRequestHeaders().getFirst("client-request-id"), now));
    }
}
