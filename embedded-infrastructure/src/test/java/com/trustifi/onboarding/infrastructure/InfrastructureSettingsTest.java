package com.trustifi.onboarding.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(settings.mode()).isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void readsTheModeFromTheVariableAndLetsTheSystemPropertyWin() {
        Map<String, String> variables = Map.of(InfrastructureSettings.MODE, "auto");

        assertThat(InfrastructureSettings.from(variables).mode()).isEqualTo(InfrastructureMode.AUTO);
        assertThat(InfrastructureSettings.from(variables, Optional.of(" Containers ")).mode())
                .isEqualTo(InfrastructureMode.CONTAINERS);
        assertThat(InfrastructureSettings.from(variables, Optional.of("")).mode()).isEqualTo(InfrastructureMode.AUTO);
    }

    @Test
    void refusesAModeItDoesNotKnowNamingTheOnesItDoes() {
        assertThatThrownBy(() -> InfrastructureSettings.from(Map.of(), Optional.of("docker")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("infrastructure must be one of embedded, containers, auto, not 'docker'");
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
                new InfrastructureSettings(Optional.of("kafka:9092"), Optional.of(external), InfrastructureMode.EMBEDDED))) {

            assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo("kafka:9092");
            assertThat(infrastructure.database()).isEqualTo(external);
        }
    }
}
