package com.trustifi.onboarding.worker.identity;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * App-only credentials, one per customer tenant and API, each keeping its token until shortly
 * before it expires, so that a tenant's token endpoint is asked once an hour and not for every call.
 */
@Singleton
public class TenantCredentials {

    private final WorkerConfig.Identity identity;
    private final HttpClient httpClient;
    private final Cache<String, TokenCredential> credentials = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    TenantCredentials(WorkerConfig config, OkHttpClient okHttp) {
        this.identity = config.identity();
        this.httpClient = new OkHttpAsyncHttpClientBuilder(okHttp).build();
    }

    /** The credential that signs in to {@code tenantId} for the API of {@code scope}. */
    public TokenCredential forTenant(String tenantId, String scope) {
        return credentials.get(tenantId + ' ' + scope, key -> new CachedTokenCredential(create(tenantId)));
    }

    public String accessToken(String tenantId, String scope) {
        return forTenant(tenantId, scope).getTokenSync(new TokenRequestContext().addScopes(scope)).getToken();
    }

    private TokenCredential create(String tenantId) {
        return new ClientSecretCredentialBuilder()
                .authorityHost(identity.authorityHost().toString())
                .disableInstanceDiscovery()
                .tenantId(tenantId)
                .clientId(identity.clientId())
                .clientSecret(identity.clientSecret())
                .httpClient(httpClient)
                .build();
    }
}
