package com.trustifi.onboarding.infrastructure;

/**
 * A running Kafka broker that clients reach through {@link #bootstrapServers()}.
 */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /** Stops the broker. Calling it again does nothing. */
    @Override
    void close();
}
