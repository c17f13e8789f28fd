package com.trustifi.onboarding.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class InfrastructureSettingsTest {

    @Test
    void startsEverythingEmbeddedWhenNothingIsConfigured() {
        InfrastructureSettings settings = InfrastructureSettings.from(Map.of(
                InfrastructureSettings.KAFKA_BOOTSTRAP_SERVERS, " "));

        assertThat(settings.kafkaBootstrapServers()).isEmpty();
        assertThat(settings.database()).isEmpty();
    }

    @Test
    void usesExternalKafkaAndDatabaseFromTheEnvironment() {
        InfrastructureSettings settings = InfrastructureSettings.from(Map.of(
                InfrastructureSettings.KAFKA_BOOTSTRAP_SERVERS, "kafka:9092",
                InfrastructureSettings.JDBC_URL, "jdbc:postgresql://db:5432/onboarding",
                InfrastructureSettings.JDBC_USERNAME, "app",
                InfrastructureSettings.JDBC_PASSWORD, "secret"));

        assertThat(settings.kafkaBootstrapServers()).contains("kafka:9092");
        assertThat(settings.database())
                .contains(new DatabaseEndpoint("jdbc:postgresql://db:5432/onboarding", "app", "secret"));
    }

    @Test
    void runningInfrastructureHandsOutExternalServicesWithoutStartingAnything() {
        DatabaseEndpoint external = new DatabaseEndpoint("jdbc:postgresql://db:5432/onboarding", "app", "secret");
        try (RunningInfrastructure infrastructure = new RunningInfrastructure(
                new InfrastructureSettings(Optional.of("kafka:9092"), Optional.of(external)))) {

            assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo("kafka:9092");
            assertThat(infrastructure.database()).isEqualTo(external);
        }
    }
}
