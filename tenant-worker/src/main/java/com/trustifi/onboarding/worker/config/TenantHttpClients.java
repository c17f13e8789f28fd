package com.trustifi.onboarding.worker.config;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * The worker's HTTP stack: one dispatcher and one set of timeouts for token, Graph and Exchange calls, with the
 * connections kept in a few pools, a tenant always in the same one. OkHttp looks through a pool's every connection to
 * find a free one for each call; with thousands of plans in flight over HTTP/1.1 that search, in one pool, was a fifth
 * of the worker's CPU. A tenant's calls stay in its pool, so they still reuse its connections.
 */
public final class TenantHttpClients {

    private final List<OkHttpClient> pools;

    TenantHttpClients(List<OkHttpClient> pools) {
        this.pools = List.copyOf(pools);
    }

    public OkHttpClient forTenant(String tenantId) {
        return pools.get(poolOf(tenantId));
    }

    /** What {@code build} makes of each pool's client, built once per pool, looked up by tenant like the client. */
    public <T> Function<String, T> perTenant(Function<OkHttpClient, T> build) {
        List<T> built = pools.stream().map(build).toList();
        return tenantId -> built.get(poolOf(tenantId));
    }

    private int poolOf(String tenantId) {
        return Math.floorMod(tenantId.toLowerCase(Locale.ROOT).hashCode(), pools.size());
    }
}
