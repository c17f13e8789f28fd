package com.trustifi.onboarding.infrastructure;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * Kafka and PostgreSQL for one test run or local stack. Each is taken from the settings when given there
 * and otherwise started embedded on first use; {@link #close()} stops only what was started here.
 */
public final class RunningInfrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunningInfrastructure.class);

    private final InfrastructureSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private String kafkaBootstrapServers;
    private DatabaseEndpoint database;

    public RunningInfrastructure(InfrastructureSettings settings) {
        this.settings = settings;
    }

    /** The external Kafka if one is configured, otherwise an in-process broker started on first call. */
    public synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = settings.kafkaBootstrapServers().orElseGet(() -> {
                InProcessKafkaBroker broker = InProcessKafkaBroker.start();
                started.add(broker);
                return broker.bootstrapServers();
            });
        }
        return kafkaBootstrapServers;
    }

    /** The external PostgreSQL if one is configured, otherwise an embedded server started on first call. */
    public synchronized DatabaseEndpoint database() {
        if (database == null) {
            database = settings.database().orElseGet(() -> {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
                started.add(server);
                return server.endpoint();
            });
        }
        return database;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable service : started) {
            try {
                service.close();
            } catch (Exception e) {
                // Keep going: a broker that fails to stop must not leave the database running.
                LOG.warnf(e, "Could not stop %s", service);
            }
        }
        started.clear();
        kafkaBootstrapServers = null;
        database = null;
    }
}
