package com.trustifi.onboarding.infrastructure;

/** Where one server, Kafka or PostgreSQL, comes from in a run. */
public enum ServerSource {

    /** Already running elsewhere, named in the environment; nothing is started. */
    EXTERNAL,
    /** Started here without Docker. */
    EMBEDDED,
    /** Started as a Testcontainers container. */
    CONTAINER
}
