package com.trustifi.onboarding.infrastructure;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * Kafka and PostgreSQL for one test run. Each is taken from the settings when given there and otherwise started on
 * first use, embedded or as a container as the {@link InfrastructurePlan} says; {@link #close()} stops only what was
 * started here.
 */
public final class RunningInfrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunningInfrastructure.class);

    private final InfrastructureSettings settings;
    private final ContainerEngine engine;
    private final List<AutoCloseable> started = new ArrayList<>();
    private InfrastructurePlan plan;
    private String kafkaBootstrapServers;
    private DatabaseEndpoint database;

    public RunningInfrastructure(InfrastructureSettings settings) {
        this(settings, new DockerEngine());
    }

    RunningInfrastructure(InfrastructureSettings settings, ContainerEngine engine) {
        this.settings = settings;
        this.engine = engine;
    }

    /** Where Kafka and PostgreSQL come from; decided on first call, so that Docker is looked for only when needed. */
    public synchronized InfrastructurePlan plan() {
        if (plan == null) {
            plan = InfrastructurePlan.of(settings, engine);
            LOG.infof("Kafka: %s, PostgreSQL: %s (infrastructure=%s)", plan.kafka(), plan.database(),
                    settings.mode().settingValue());
        }
        return plan;
    }

    /** The external Kafka if one is configured, otherwise a broker started on first call. */
    public synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = switch (plan().kafka()) {
                case EXTERNAL -> settings.kafkaBootstrapServers().orElseThrow();
                case EMBEDDED -> track(InProcessKafkaBroker.start()).bootstrapServers();
                case CONTAINER -> track(KafkaContainerBroker.start()).bootstrapServers();
            };
        }
        return kafkaBootstrapServers;
    }

    /** The external PostgreSQL if one is configured, otherwise a server started on first call. */
    public synchronized DatabaseEndpoint database() {
        if (database == null) {
            database = switch (plan().database()) {
                case EXTERNAL -> settings.database().orElseThrow();
                case EMBEDDED -> track(EmbeddedPostgresServer.start()).endpoint();
                case CONTAINER -> track(PostgresContainerServer.start(EmbeddedPostgresServer.DEFAULT_DATABASE, false))
                        .endpoint();
            };
        }
        return database;
    }

    private <T extends AutoCloseable> T track(T service) {
        started.add(service);
        return service;
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
