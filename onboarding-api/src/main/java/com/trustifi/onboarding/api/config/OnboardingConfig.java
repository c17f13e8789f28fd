package com.trustifi.onboarding.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "onboarding")
public interface OnboardingConfig {

    /** What a partner is told to wait before polling an onboarding that is still running. */
    @WithDefault("2s")
    Duration pollAfter();

    /** The longest a GET may wait for a change (?waitSeconds=N). */
    @WithDefault("30s")
    Duration maxWait();

    /** How often a waiting GET looks for a change; it reads the database, so any instance's events are seen. */
    @WithDefault("250ms")
    Duration waitCheckInterval();

    /**
     * How long this instance believes a recognized API key without reading it again: a status GET then costs one read
     * of the database, not two. A key taken out of the database is refused everywhere within this time.
     */
    @WithDefault("30s")
    Duration apiKeyCacheTtl();

    Outbox outbox();

    Batch batch();

    Operator operator();

    interface Operator {

        /**
         * The key an operator sends as X-Operator-Key to create partners and their API keys.
         * Absent: the operator endpoints refuse every request.
         */
        Optional<String> apiKey();
    }

    interface Batch {

        /** The most rows one batch may have; a larger one is refused whole (413). */
        @WithDefault("10000")
        int maxRows();
    }

    Idempotency idempotency();

    interface Idempotency {

        /** How long an Idempotency-Key is remembered; a retry later than this is a new request. */
        @WithDefault("24h")
        Duration retention();
    }

    interface Outbox {

        /** How often leftover commands are looked for; read by the relay's schedule, whose finest interval is 1 s. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows published per transaction. */
        @WithDefault("200")
        int batchSize();

        /**
         * How long to wait for Kafka to acknowledge a batch before it is retried: longer than the
         * producer's delivery.timeout.ms (120 s), so that no row is sent again while its first send
         * may still land.
         */
        @WithDefault("130s")
        Duration publishTimeout();

        /** The oldest unpublished command may be this old before the outbox health check says DOWN. */
        @WithDefault("60s")
        Duration maxPendingAge();
    }

    Watchdog watchdog();

    interface Watchdog {

        /** A RUNNING or PROPAGATING onboarding the worker has not reported on for this long fails, retryably. */
        @WithDefault("1h")
        Duration runningSilence();

        /** An ACCEPTED onboarding no worker has started for this long fails, retryably (large batches queue for a while). */
        @WithDefault("12h")
        Duration acceptedSilence();

        /**
         * A CANCELING onboarding whose worker has not confirmed for this long is CANCELED anyway:
         * longer than the longest delayed retry (5 min), after which a fenced command comes back and is dropped.
         */
        @WithDefault("10m")
        Duration cancelConfirmation();
    }
}
