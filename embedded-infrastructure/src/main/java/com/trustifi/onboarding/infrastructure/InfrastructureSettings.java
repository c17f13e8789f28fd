package com.trustifi.onboarding.infrastructure;

import java.util.Map;
import java.util.Optional;

/**
 * Which infrastructure already runs elsewhere, and how to start what does not (see {@link InfrastructurePlan}).
 *
 * @param kafkaBootstrapServers an external Kafka, from {@value #KAFKA_BOOTSTRAP_SERVERS}
 * @param database an external PostgreSQL, from {@value #JDBC_URL}, {@value #JDBC_USERNAME} and
 *        {@value #JDBC_PASSWORD}
 * @param mode how the others are started: the system property {@value #MODE_PROPERTY}, else the environment
 *        variable {@value #MODE}, else {@link InfrastructureMode#EMBEDDED}
 */
public record InfrastructureSettings(Optional<String> kafkaBootstrapServers, Optional<DatabaseEndpoint> database,
        InfrastructureMode mode) {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "ONBOARDING_KAFKA_BOOTSTRAP_SERVERS";
    public static final String JDBC_URL = "ONBOARDING_JDBC_URL";
    public static final String JDBC_USERNAME = "ONBOARDING_JDBC_USERNAME";
    public static final String JDBC_PASSWORD = "ONBOARDING_JDBC_PASSWORD";
    public static final String MODE = "ONBOARDING_INFRASTRUCTURE";
    /** As {@code -Dinfrastructure=...} on Maven's command line, which Surefire hands to the tests' JVM. */
    public static final String MODE_PROPERTY = "infrastructure";

    public static InfrastructureSettings fromEnvironment() {
        return from(System.getenv(), Optional.ofNullable(System.getProperty(MODE_PROPERTY)));
    }

    /** Reads the settings from variables named like the environment's; blank values count as unset. */
    public static InfrastructureSettings from(Map<String, String> variables) {
        return from(variables, Optional.empty());
    }

    /** As {@link #from(Map)}, with the mode's system property, which wins over its variable when not blank. */
    public static InfrastructureSettings from(Map<String, String> variables, Optional<String> modeProperty) {
        Optional<String> kafka = value(variables, KAFKA_BOOTSTRAP_SERVERS);
        Optional<DatabaseEndpoint> database = value(variables, JDBC_URL).map(url -> new DatabaseEndpoint(url,
                value(variables, JDBC_USERNAME).orElse(""),
                value(variables, JDBC_PASSWORD).orElse("")));
        InfrastructureMode mode = modeProperty.map(String::strip).filter(value -> !value.isEmpty())
                .or(() -> value(variables, MODE))
                .map(InfrastructureMode::parse)
                .orElse(InfrastructureMode.EMBEDDED);
        return new InfrastructureSettings(kafka, database, mode);
    }

    private static Optional<String> value(Map<String, String> variables, String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
