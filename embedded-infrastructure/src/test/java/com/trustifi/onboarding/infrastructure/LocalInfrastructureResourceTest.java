package com.trustifi.onboarding.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Without ONBOARDING_* variables set, this starts the shared in-process Kafka and embedded PostgreSQL. */
class LocalInfrastructureResourceTest {

    @Test
    void suppliesKafkaOnlyWhenPostgresIsNotWanted() {
        LocalInfrastructureResource resource = new LocalInfrastructureResource();
        resource.init(Map.of(LocalInfrastructureResource.POSTGRES, "false"));

        Map<String, String> config = resource.start();

        assertThat(config).containsKey("kafka.bootstrap.servers")
                .containsEntry("quarkus.devservices.enabled", "false")
                .containsEntry("quarkus.kafka.devservices.enabled", "false")
                .doesNotContainKey("quarkus.datasource.jdbc.url");
    }

    @Test
    void sharesOneBrokerAndDatabaseBetweenResources() {
        LocalInfrastructureResource first = new LocalInfrastructureResource();
        first.init(Map.of());
        LocalInfrastructureResource second = new LocalInfrastructureResource();
        second.init(Map.of());

        Map<String, String> firstConfig = first.start();
        first.stop();
        Map<String, String> secondConfig = second.start();

        assertThat(firstConfig).containsKeys("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url",
                        "quarkus.datasource.username", "quarkus.datasource.password")
                .containsEntry("quarkus.datasource.devservices.enabled", "false");
        assertThat(secondConfig).isEqualTo(firstConfig);
    }
}
