package com.trustifi.onboarding.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The containers as they would be started, checked without Docker: same settings as the embedded servers. */
class ContainerConfigurationTest {

    @Test
    void kafkaIsTheApacheImageOfTheJarsVersionWithTheEmbeddedBrokersSettings() {
        KafkaContainer kafka = KafkaContainerBroker.configured();

        // The container's own image name getter pulls the image, so the name is checked where it is made.
        assertThat(KafkaContainerBroker.image()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion())
                .startsWith("apache/kafka:4.");
        assertThat(kafka.getEnvMap())
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .containsEntry("KAFKA_NUM_PARTITIONS", String.valueOf(SingleNodeBrokerConfig.PARTITIONS_PER_TOPIC))
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    }

    @Test
    void kafkaVariableNamesEscapeUnderscoresAndDashesAsTheImageExpects() {
        assertThat(KafkaContainerBroker.environment(Map.of("log.retention_ms", "1", "some-setting.x", "2")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "KAFKA_LOG_RETENTION__MS", "1",
                        "KAFKA_SOME___SETTING_X", "2"));
    }

    @Test
    void postgresIs17WithTheApplicationDatabaseAndFastCommitsForTests() {
        PostgreSQLContainer postgres = PostgresContainerServer.configured(EmbeddedPostgresServer.DEFAULT_DATABASE, false);

        assertThat(PostgresContainerServer.IMAGE).isEqualTo("postgres:17");
        assertThat(postgres.getDatabaseName()).isEqualTo("onboarding");
        assertThat(postgres.getCommandParts()).containsExactly("postgres",
                "-c", "fsync=off",
                "-c", "max_connections=300",
                "-c", "synchronous_commit=off",
                "-c", "timezone=UTC");
    }

    @Test
    void postgresWithDurableCommitsFlushesEveryCommitAsTheLocalStackAsks() {
        assertThat(PostgresContainerServer.configured("onboarding", true).getCommandParts())
                .contains("synchronous_commit=on", "fsync=on")
                .doesNotContain("synchronous_commit=off", "fsync=off");
    }
}
