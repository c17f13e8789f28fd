package com.trustifi.onboarding.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "onboarding")
public interface OnboardingConfig {

    /** What a partner is told to wait before polling an onboarding that is still running. */
    @WithDefault("2s")
    Duration pollAfter();

    Outbox outbox();

    interface Outbox {

        /** How often pending commands are looked for; read by the relay's schedule. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** Rows published per transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long to wait for Kafka to acknowledge a batch before it is retried. */
        @WithDefault("30s")
        Duration publishTimeout();
    }
}
