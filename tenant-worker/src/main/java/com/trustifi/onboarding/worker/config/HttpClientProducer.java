package com.trustifi.onboarding.worker.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * One HTTP stack, so that token, Graph and Exchange calls share threads and connections. OkHttp's defaults suit a
 * handful of calls: 5 idle connections (with thousands of plans in flight every other call would pay a new TLS
 * handshake) and 5 asynchronous calls per host (the token requests): both are sized to the calls in flight, the
 * connections over {@value #POOLS} pools by tenant.
 */
public class HttpClientProducer {

    private static final long IDLE_CONNECTION_LIFETIME_MINUTES = 5;
    static final int POOLS = 16;

    @Produces
    @Singleton
    TenantHttpClients httpClients(WorkerConfig config) {
        int calls = config.exchange().maxCallsInFlight();
        var dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(calls);
        dispatcher.setMaxRequestsPerHost(calls);
        OkHttpClient base = new OkHttpClient.Builder()
                .callTimeout(config.exchange().callTimeout())
                .readTimeout(config.exchange().callTimeout())
                .dispatcher(dispatcher)
                .build();
        int idlePerPool = Math.max(5, calls / POOLS);
        return new TenantHttpClients(IntStream.range(0, POOLS)
                .mapToObj(pool -> base.newBuilder()
                        .connectionPool(new ConnectionPool(idlePerPool, IDLE_CONNECTION_LIFETIME_MINUTES, TimeUnit.MINUTES))
                        .build())
                .toList());
    }
}
