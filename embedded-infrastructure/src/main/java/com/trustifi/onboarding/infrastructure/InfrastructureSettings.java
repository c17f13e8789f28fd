package com.trustifi.onboarding.infrastructure;

import java.util.Map;
import java.util.Optional;

/**
 * Which infrastructure already runs elsewhere. Whatever is not given here is started embedded.
 *
 * @param kafkaBootstrapServers an external Kafka, from {@value #KAFKA_BOOTSTRAP_SERVERS}
 * @param database an external PostgreSQL, from {@value #JDBC_URL}, {@value #JDBC_USERNAME} and
 *        {@value #JDBC_PASSWORD}
 */
public record InfrastructureSettings(Optional<String> kafkaBootstrapServers, Optional<DatabaseEndpoint> database) {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "ONBOARDING_KAFKA_BOOTSTRAP_SERVERS";
    public static final String JDBC_URL = "ONBOARDING_JDBC_URL";
    public static final String JDBC_USERNAME = "ONBOARDING_JDBC_USERNAME";
    public static final String JDBC_PASSWORD = "ONBOARDING_JDBC_PASSWORD";

    public static InfrastructureSettings fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the settings from variables named like the environment's; blank values count as unset. */
    public static InfrastructureSettings from(Map<String, String> variables) {
        Optional<String> kafka = value(variables, KAFKA_BOOTSTRAP_SERVERS);
        Optional<DatabaseEndpoint> database = value(variables, JDBC_URL).map(url -> new DatabaseEndpoint(url,
                value(variables, JDBC_USERNAME).orElse(""),
                value(variables, JDBC_PASSWORD).orElse("")));
        return new InfrastructureSettings(kafka, database);
    }

    private static Optional<String> value(Map<String, String> variables, String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
