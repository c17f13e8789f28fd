package com.trustifi.onboarding.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The container path for real. It needs Docker, so it runs only with {@code -Dinfrastructure=containers}; it has
 * not been run on the machine this was written on, which has no Docker engine.
 */
@EnabledIfSystemProperty(named = InfrastructureSettings.MODE_PROPERTY, matches = "containers")
class ContainerServersTest {

    /** Without Docker, fails as every other use of containers does: saying what to do. */
    @BeforeAll
    static void needsDocker() {
        InfrastructurePlan.of(new InfrastructureSettings(Optional.empty(), Optional.empty(), InfrastructureMode.CONTAINERS));
    }

    @Test
    void kafkaCreatesTopicsOnFirstUseLikeTheEmbeddedBroker() throws Exception {
        try (KafkaContainerBroker broker = KafkaContainerBroker.start()) {
            String topic = KafkaRoundTrip.sendAndReceive(broker.bootstrapServers(), "key", "value").topic();

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
                        .hasSize(SingleNodeBrokerConfig.PARTITIONS_PER_TOPIC);
            }
        }
    }

    @Test
    void postgresIs17WithTheApplicationDatabaseAndDurableCommitsWhenAsked() throws Exception {
        try (PostgresContainerServer server = PostgresContainerServer.start(EmbeddedPostgresServer.DEFAULT_DATABASE, true);
             Connection connection = DriverManager.getConnection(server.endpoint().jdbcUrl(), server.endpoint().username(),
                     server.endpoint().password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "select version(), current_database(), current_setting('synchronous_commit'), current_setting('fsync')")) {
            result.next();

            assertThat(result.getString(1)).startsWith("PostgreSQL 17.");
            assertThat(result.getString(2)).isEqualTo("onboarding");
            assertThat(result.getString(3)).isEqualTo("on");
            assertThat(result.getString(4)).isEqualTo("on");
        }
    }
}
