package com.trustifi.onboarding.worker.identity;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.trustifi.onboarding.worker.config.TenantHttpClients;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * App-only access tokens for every customer tenant and API, kept as values until shortly before they expire, so that
 * a tenant's token endpoint is asked about once an hour and not for every call (measured against the simulator,
 * azure-identity behind the Graph SDK went back to the token endpoint for every call; token endpoints throttle too).
 * Only the tokens are kept: the credential (an MSAL client, heavy) that fetches one lives for that one request, so a
 * worker serving ten thousand tenants holds ten thousand small values, not ten thousand clients.
 * <p>
 * Token requests run on platform threads of their own, not on the plans' virtual threads. Building a credential reads
 * azure-identity's properties from its jar, and Quarkus' class loader, which keeps four jars open, then closes another
 * one under the JDK's lock of open zip files. A virtual thread holding that lock was unmounted while it waited for
 * another lock, and both carrier threads were then pinned loading classes, waiting for the zip lock: the worker stopped
 * for good (seen once, setting up 10,000 tenants in {@code benchmarks/bulk}). A platform thread holding it always runs on.
 */
@Singleton
public class TenantCredentials {

    /** A token is renewed this long before it expires, so that no call carries a token about to lapse. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    /** Token requests at once; each waits for the token endpoint, a few hundred milliseconds at Entra. */
    private static final int TOKEN_REQUESTS = 64;

    private final WorkerConfig.Identity identity;
    /** Azure's HTTP client over the tenant's connection pool. */
    private final Function<String, HttpClient> httpClients;
    /** Futures, so that one request per tenant and scope runs, with no lock held, and the others for it wait for it. */
    private final AsyncCache<String, AccessToken> tokens = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.creating((String key, AccessToken token) ->
                    Duration.between(OffsetDateTime.now(), token.getExpiresAt().minus(RENEW_BEFORE_EXPIRY))))
            .buildAsync();
    private final ThreadPoolExecutor tokenRequests;

    TenantCredentials(WorkerConfig config, TenantHttpClients pools) {
        this.identity = config.identity();
        this.httpClients = pools.perTenant(pool -> new OkHttpAsyncHttpClientBuilder(pool).build());
        AtomicInteger threads = new AtomicInteger();
        this.tokenRequests = new ThreadPoolExecutor(TOKEN_REQUESTS, TOKEN_REQUESTS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                request -> {
                    Thread thread = new Thread(request, "token-request-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.tokenRequests.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        tokenRequests.shutdownNow();
    }

    /** A credential that signs in to {@code tenantId} for the API of {@code scope}, from the shared tokens. */
    public TokenCredential forTenant(String tenantId, String scope) {
        return new TokenCredential() {
            @Override
            public Mono<AccessToken> getToken(TokenRequestContext request) {
                return Mono.fromCallable(() -> token(tenantId, scope));
            }

            @Override
            public AccessToken getTokenSync(TokenRequestContext request) {
                return token(tenantId, scope);
            }
        };
    }

    public String accessToken(String tenantId, String scope) {
        return token(tenantId, scope).getToken();
    }

    /** The cached token, or a new one; one request per tenant and scope at a time, the others wait for its answer. */
    private AccessToken token(String tenantId, String scope) {
        var fetching = new CompletableFuture<AccessToken>();
        CompletableFuture<AccessToken> cached = tokens.asMap().putIfAbsent(tenantId + ' ' + scope, fetching);
        if (cached == null) {
            try {
                CompletableFuture.supplyAsync(() -> fetch(tenantId, scope), tokenRequests).whenComplete((token, refused) -> {
                    if (refused == null) {
                        fetching.complete(token);
                    } else {
                        // a failed future leaves the cache by itself: the next call asks again
                        fetching.completeExceptionally(refused instanceof CompletionException wrapped && wrapped.getCause() != null
                                ? wrapped.getCause() : refused);
                    }
                });
            } catch (RuntimeException stopping) {
                fetching.completeExceptionally(stopping);
            }
            cached = fetching;
        }
        try {
            return cached.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The token and its expiry only: azure-identity answers with an {@code MsalToken} that holds MSAL's whole
     * authentication result (its account, metadata and three kinds of date), kept for an hour for every tenant and API.
     */
    private AccessToken fetch(String tenantId, String scope) {
        AccessToken answer = new ClientSecretCredentialBuilder()
                .authorityHost(identity.authorityHost().toString())
                .disableInstanceDiscovery()
                .tenantId(tenantId)
                .clientId(identity.clientId())
                .clientSecret(identity.clientSecret())
                .httpClient(httpClients.apply(tenantId))
                .build()
                .getTokenSync(new TokenRequestContext().addScopes(scope));
        return new AccessToken(answer.getToken(), answer.getExpiresAt());
    }
}
