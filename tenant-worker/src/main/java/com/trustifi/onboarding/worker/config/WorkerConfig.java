package com.trustifi.onboarding.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where Microsoft's services are and how the worker signs in to each customer tenant. */
@ConfigMapping(prefix = "worker")
public interface WorkerConfig {

    Identity identity();

    Graph graph();

    Exchange exchange();

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

        /** Exchange runs a cmdlet for up to 15 minutes; a call that takes longer than this is an unknown outcome. */
        @WithDefault("120s")
        Duration callTimeout();
    }
}
