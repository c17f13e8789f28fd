package com.trustifi.onboarding.worker.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;

/** One OkHttp client, so that token and Exchange calls share connections and threads. */
public class HttpClientProducer {

    @Produces
    @Singleton
    OkHttpClient httpClient(WorkerConfig config) {
        return new OkHttpClient.Builder()
                .callTimeout(config.exchange().callTimeout())
                .readTimeout(config.exchange().callTimeout())
                .build();
    }
}
