package com.trustifi.onboarding.worker.identity;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * Keeps the last token of a credential that serves one tenant and one API, until shortly before
 * it expires. Measured against the simulator, azure-identity 1.18.6 behind the Graph SDK and the
 * Exchange client went back to the token endpoint for every call (39 token requests for two
 * onboardings of one tenant), and token endpoints throttle too.
 */
final class CachedTokenCredential implements TokenCredential {

    /** A token is renewed this long before it expires, so that no call carries a token about to lapse. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final TokenCredential credential;
    private volatile AccessToken current;

    CachedTokenCredential(TokenCredential credential) {
        this.credential = credential;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        AccessToken token = current;
        if (usable(token)) {
            return Mono.just(token);
        }
        return credential.getToken(request).doOnNext(fresh -> current = fresh);
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        AccessToken token = current;
        if (usable(token)) {
            return token;
        }
        synchronized (this) {
            if (!usable(current)) {
                current = credential.getTokenSync(request);
            }
            return current;
        }
    }

    private static boolean usable(AccessToken token) {
        return token != null && OffsetDateTime.now().plus(RENEW_BEFORE_EXPIRY).isBefore(token.getExpiresAt());
    }
}
