package com.trustifi.onboarding.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "onboarding.webhook")
public interface WebhookConfig {

    /**
     * Whether a webhook may point at a loopback, private or link-local address. Off in production,
     * so that a partner cannot make the service call into its own network.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** How often due deliveries are looked for; read by the sender's schedule. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries sent per transaction. */
    @WithDefault("20")
    int batchSize();

    /** How long a partner's endpoint has to answer. */
    @WithDefault("5s")
    Duration timeout();

    /** Tries before a delivery is given up on. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed try; it doubles after each further one. */
    @WithDefault("10s")
    Duration initialBackoff();

    /** The longest wait between two tries. */
    @WithDefault("1h")
    Duration maxBackoff();
}
