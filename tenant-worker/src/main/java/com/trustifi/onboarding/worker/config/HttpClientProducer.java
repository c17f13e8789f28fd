package com.trustifi.onboarding.worker.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * One OkHttp client, so that token, Graph and Exchange calls share connections and threads. OkHttp's defaults suit
 * a handful of calls: 5 idle connections (with hundreds of plans in flight every other call would pay a new TLS
 * handshake) and 5 asynchronous calls per host (the token requests): both are sized to the calls in flight.
 */
public class HttpClientProducer {

    private static final long IDLE_CONNECTION_LIFETIME_MINUTES = 5;

    @Produces
    @Singleton
    OkHttpClient httpClient(WorkerConfig config) {
        int calls = config.exchange().maxCallsInFlight();
        var dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(calls);
        dispatcher.setMaxRequestsPerHost(calls);
        return new OkHttpClient.Builder()
                .callTimeout(config.exchange().callTimeout())
                .readTimeout(config.exchange().callTimeout())
                .connectionPool(new ConnectionPool(calls, IDLE_CONNECTION_LIFETIME_MINUTES, TimeUnit.MINUTES))
                .dispatcher(dispatcher)
                .build();
    }
}
