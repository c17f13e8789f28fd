package com.trustifi.onboarding.simulator.token;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.fault.FaultPlan;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.http.PathSegments;
import com.trustifi.onboarding.simulator.http.QueryString;
import com.trustifi.onboarding.simulator.signin.AdminConsentPage;
import com.trustifi.onboarding.simulator.signin.AdminConsents;
import com.trustifi.onboarding.simulator.signin.AuthorizationCodes;
import com.trustifi.onboarding.simulator.signin.IdTokenIssuer;
import com.trustifi.onboarding.simulator.signin.SignInPage;
import com.trustifi.onboarding.simulator.signin.SignInSessions;
import com.trustifi.onboarding.simulator.signin.SigningKeys;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The login host: sign-in page, admin-consent page, token endpoint, OpenID configuration, signing keys and instance
 * discovery, under {@code /{tenant}/...} (the keys also at {@code /discovery/v2.0/keys}).
 * Anything else under the root answers 404 so that a mistyped URL is obvious.
 */
public final class EntraEndpoint implements HttpHandler {

    private final TokenEndpoint tokens;
    private final SignInPage signInPage;
    private final AdminConsentPage consentPage;
    private final SigningKeys keys;
    private final OpenIdMetadata metadata;
    private final TenantRegistry tenants;
    private final JsonWire json;
    private final Clock clock;

    public EntraEndpoint(URI baseUri, TenantRegistry tenants, SimulatorOptions options, AccessTokenSigner signer, FaultPlan faults,
                         SigningKeys keys, JsonWire json, Clock clock) {
        AuthorizationCodes codes = new AuthorizationCodes();
        SignInSessions sessions = new SignInSessions();
        this.tokens = new TokenEndpoint(tenants, options, signer, faults, json, clock,
                new AuthorizationCodeGrant(tenants, options, codes, new IdTokenIssuer(baseUri, keys), signer, json, clock));
        this.signInPage = new SignInPage(tenants, options, codes, sessions, clock);
        this.consentPage = new AdminConsentPage(new AdminConsents(tenants, options), sessions, tenants);
        this.keys = keys;
        this.metadata = new OpenIdMetadata(baseUri);
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // Entra echoes the caller's correlation id; MSAL checks that it does
        String clientRequestId = exchange.getRequestHeaders().getFirst("client-request-id");
        if (clientRequestId != null) {
            exchange.getResponseHeaders().set("client-request-id", clientRequestId);
        }
        List<String> path = PathSegments.of(exchange);
        if (path.size() == 4 && path.subList(1, 4).equals(List.of("oauth2", "v2.0", "token"))) {
            tokens.handle(exchange, path.get(0));
        } else if (path.size() == 4 && path.subList(1, 4).equals(List.of("oauth2", "v2.0", "authorize"))) {
            signInPage.handle(exchange, path.get(0));
        } else if (isKeySet(path)) {
            exchange.getRequestBody().readAllBytes();
            json.send(exchange, 200, keys.jwks());
        } else if (path.size() == 3 && path.subList(1, 3).equals(List.of("v2.0", "adminconsent"))) {
            consentPage.handle(exchange, path.get(0));
        } else if (isOpenIdConfiguration(path)) {
            exchange.getRequestBody().readAllBytes();
            answerOpenIdConfiguration(exchange, path.get(0));
        } else if (path.size() == 3 && path.subList(1, 3).equals(List.of("discovery", "instance"))) {
            exchange.getRequestBody().readAllBytes();
            json.send(exchange, 200, metadata.instanceDiscovery(tenantOfAuthorizationEndpoint(exchange, path.get(0))));
        } else {
            exchange.getRequestBody().readAllBytes();
            json.send(exchange, 404, Map.of("error", "not_found", "error_description", "No such endpoint: " + exchange.getRequestURI().getPath()));
        }
    }

    /** {@code /discovery/v2.0/keys}, or the same under a tenant: the keys are the same for every tenant, as Entra's are. */
    private static boolean isKeySet(List<String> path) {
        List<String> keySet = List.of("discovery", "v2.0", "keys");
        return path.equals(keySet) || path.size() == 4 && path.subList(1, 4).equals(keySet);
    }

    private static boolean isOpenIdConfiguration(List<String> path) {
        List<String> wellKnown = List.of(".well-known", "openid-configuration");
        return path.size() == 3 && path.subList(1, 3).equals(wellKnown)
                || path.size() == 4 && path.get(1).equals("v2.0") && path.subList(2, 4).equals(wellKnown);
    }

    private void answerOpenIdConfiguration(HttpExchange exchange, String tenant) throws IOException {
        if (tenants.find(tenant).isEmpty()) {
            EntraError error = EntraError.tenantNotFound(tenant);
            json.send(exchange, error.httpStatus(), error.body(exchange.getRequestHeaders().getFirst("client-request-id"), clock.instant()));
            return;
        }
        json.send(exchange, 200, metadata.openIdConfiguration(tenant));
    }

    /** MSAL names the authority it is asking about in {@code authorization_endpoint}; its first path segment is the tenant. */
    private static String tenantOfAuthorizationEndpoint(HttpExchange exchange, String fallback) {
        String endpoint = QueryString.parse(exchange.getRequestURI().getRawQuery()).get("authorization_endpoint");
        if (endpoint == null) {
            return fallback;
        }
        try {
            String[] segments = URI.create(endpoint).getPath().split("/");
            return segments.length > 1 && !segments[1].isEmpty() ? segments[1] : fallback;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
