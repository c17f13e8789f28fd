package com.trustifi.onboarding.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Where Microsoft's services are, how the worker signs in to each customer tenant, and how it retries. */
@ConfigMapping(prefix = "worker")
public interface WorkerConfig {

    Identity identity();

    Graph graph();

    Exchange exchange();

    RelaySecrets relaySecrets();

    Retry retry();

    Spf spf();

    /** How long to wait for Kafka to acknowledge a status event. */
    @WithDefault("30s")
    Duration publishTimeout();

    interface Identity {

        /** The Entra token endpoint's host; the simulator's base URL in tests and the local stack. */
        @WithDefault("https://login.microsoftonline.com")
        URI authorityHost();

        /** The multi-tenant app that each customer tenant has consented to. */
        String clientId();

        /** The app's client secret. Never logged. */
        String clientSecret();
    }

    interface Graph {

        @WithDefault("https://graph.microsoft.com")
        URI baseUrl();

        @WithDefault("https://graph.microsoft.com/.default")
        String scope();
    }

    interface Exchange {

        @WithDefault("https://outlook.office365.com")
        URI baseUrl();

        @WithDefault("https://outlook.office365.com/.default")
        String scope();

        /** A call that takes longer than this has an unknown outcome. Exchange itself gives up after 15 minutes. */
        @WithDefault("120s")
        Duration callTimeout();

        /** Exchange Online allows about 3 concurrent sessions per tenant. */
        @WithDefault("3")
        int maxConcurrentCallsPerTenant();

        /**
         * Token, Graph and Exchange calls in flight at once, over all tenants: the HTTP client keeps this many
         * connections. At least the plans in flight (smallrye.messaging.worker.&lt;virtual-thread&gt;.max-concurrency).
         */
        @WithDefault("2000")
        int maxCallsInFlight();
    }

    /** The keys relay secrets are encrypted with on Kafka; the same ones onboarding-api has. */
    interface RelaySecrets {

        String currentKeyId();

        /** Key id to base64 of a 32-byte AES key. Never logged. */
        Map<String, String> keys();
    }

    interface Retry {

        /** Tries of one Exchange or Graph call that failed transiently (throttled, unavailable). */
        @WithDefault("8")
        int callAttempts();

        /** Runs of one step whose outcome was unknown or whose calls kept failing transiently. */
        @WithDefault("3")
        int stepAttempts();

        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    interface Spf {

        /** A DNS server as host or host:port; the system's resolver when absent. */
        Optional<String> resolver();

        @WithDefault("2s")
        Duration timeout();
    }
}
