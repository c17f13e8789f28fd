package com.trustifi.onboarding.simulator.token;

import com.sun.net.httpserver.HttpExchange;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantRegistry;

import java.time.Clock;
import java.util.Optional;

/** Checks the {@code Authorization: Bearer} header of a resource request for one audience. */
public final class BearerAuthentication {

    private final AccessTokenSigner signer;
    private final TenantRegistry tenants;
    private final Clock clock;

    public BearerAuthentication(AccessTokenSigner signer, TenantRegistry tenants, Clock clock) {
        this.signer = signer;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * The outcome of a check: the token's tenant, or why the request is refused (in the words the service uses).
     */
    public record Verdict(SimulatedTenant tenant, String refusal) {

        static Verdict refused(String refusal) {
            return new Verdict(null, refusal);
        }

        public boolean accepted() {
            return tenant != null;
        }
    }

    public Verdict check(HttpExchange exchange, String audience) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.isBlank()) {
            return Verdict.refused("Access token is empty.");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.refused("Access token validation failure. Authorization header is not a bearer token.");
        }
        Optional<AccessToken> token = signer.verify(header.substring(7).trim());
        if (token.isEmpty()) {
            return Verdict.refused("Access token validation failure. Invalid signature or malformed token.");
        }
        if (!token.get().audience().equals(audience)) {
            return Verdict.refused("Access token validation failure. Invalid audience.");
        }
        if (token.get().expired(clock.instant())) {
            return Verdict.refused("Lifetime validation failed, the token is expired.");
        }
        return tenants.find(token.get().tenantId())
                .map(tenant -> new Verdict(tenant, null))
                .orElseGet(() -> Verdict.refused("Access token validation failure. The token's tenant does not exist."));
    }
}
