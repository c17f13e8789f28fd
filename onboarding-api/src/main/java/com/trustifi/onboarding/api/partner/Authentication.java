package com.trustifi.onboarding.api.partner;

import com.trustifi.onboarding.api.config.OnboardingConfig;
import com.trustifi.onboarding.api.http.OperatorEndpoint;
import com.trustifi.onboarding.api.http.Problem;
import com.trustifi.onboarding.api.http.PublicEndpoint;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every API request: partners with {@code Authorization: ApiKey <key>},
 * {@code X-Api-Key: <key>} or an OAuth2 bearer token ({@code Authorization: Bearer <jwt>}),
 * operators with {@code X-Operator-Key}. Only JAX-RS resources pass
 * through here, so health, metrics and OpenAPI stay open. The filter runs on the worker thread of
 * the (blocking) endpoint, so looking the key up in the database is allowed.
 */
public class Authentication {

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String OPERATOR_KEY_HEADER = "X-Operator-Key";
    private static final String SCHEME = "ApiKey ";
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final PartnerTokens tokens;
    private final CallerPartner caller;
    private final OnboardingConfig config;

    Authentication(ApiKeys apiKeys, PartnerTokens tokens, CallerPartner caller, OnboardingConfig config) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.caller = caller;
        this.config = config;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class)) {
            return Optional.empty();
        }
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(OperatorEndpoint.class)) {
            return isOperator(request.getHeaderString(OPERATOR_KEY_HEADER)) ? Optional.empty()
                    : Optional.of(unauthorized(request, "Send the operator key as " + OPERATOR_KEY_HEADER));
        }
        Optional<String> token = bearerToken(request);
        Optional<String> key = presentedKey(request);
        if (token.isEmpty() && key.isEmpty()) {
            return Optional.of(unauthorized(request, "Send your API key as 'Authorization: ApiKey <key>' or as "
                    + API_KEY_HEADER + ", or an OAuth2 token as 'Authorization: Bearer <token>'"));
        }
        Optional<java.util.UUID> partner = token.isPresent() ? tokens.partnerOf(token.get()) : apiKeys.partnerOf(key.get());
        if (partner.isEmpty()) {
            return Optional.of(unauthorized(request, token.isPresent()
                    ? "The bearer token is not valid, has expired, or names no known partner"
                    : "The API key is not valid"));
        }
        caller.authenticatedAs(partner.get());
        return Optional.empty();
    }

    private static Optional<String> bearerToken(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(authorization.substring(BEARER.length()).trim()).filter(token -> !token.isEmpty());
        }
        return Optional.empty();
    }

    private static Optional<String> presentedKey(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.of(authorization.substring(SCHEME.length()).trim()).filter(key -> !key.isEmpty());
        }
        return Optional.ofNullable(request.getHeaderString(API_KEY_HEADER)).map(String::trim).filter(key -> !key.isEmpty());
    }

    /** Compares hashes in constant time, so that timing tells nothing about the operator key. */
    private boolean isOperator(String presented) {
        return presented != null && config.operator().apiKey()
                .map(expected -> MessageDigest.isEqual(
                        ApiKeys.hash(expected).getBytes(StandardCharsets.US_ASCII),
                        ApiKeys.hash(presented).getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private static Response unauthorized(ContainerRequestContext request, String detail) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail)
                        .at(request.getUriInfo().getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey, Bearer")
                .build();
    }
}
