package com.trustifi.onboarding.infrastructure;

import java.util.Map;

/**
 * Server settings that every PostgreSQL started here gets, embedded or in a container, so that the tests see the
 * same server either way.
 */
final class PostgresServerConfig {

    private PostgresServerConfig() {
    }

    /**
     * With {@code durableCommits} a commit returns only once its WAL is on disk, as production pays for it; without,
     * commits return before the flush, which tests can afford.
     */
    static Map<String, String> settings(boolean durableCommits) {
        // timezone and max_connections are what zonky's embedded server sets, which the tests were written against.
        return Map.of(
                "timezone", "UTC",
                "max_connections", "300",
                "synchronous_commit", durableCommits ? "on" : "off");
    }
}
