package com.trustifi.onboarding.infrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL 17 in a {@code postgres} container with one application database, and the server settings of the
 * embedded one ({@link PostgresServerConfig}).
 */
public final class PostgresContainerServer implements AutoCloseable {

    static final String IMAGE = "postgres:17";

    private static final Logger LOG = Logger.getLogger(PostgresContainerServer.class);

    private final PostgreSQLContainer container;
    private final DatabaseEndpoint endpoint;

    private PostgresContainerServer(PostgreSQLContainer container, String database) {
        this.container = container;
        this.endpoint = new DatabaseEndpoint("jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database,
                container.getUsername(), container.getPassword());
    }

    /** Starts the container; Docker must be reachable (see {@link InfrastructurePlan}). */
    public static PostgresContainerServer start(String database, boolean durableCommits) {
        long started = System.nanoTime();
        PostgreSQLContainer container = configured(database, durableCommits);
        container.start();
        PostgresContainerServer server = new PostgresContainerServer(container, database);
        LOG.infof("PostgreSQL container ready at %s after %d ms", server.endpoint.jdbcUrl(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return server;
    }

    /** The container as it will be started; building it does not reach Docker. */
    static PostgreSQLContainer configured(String database, boolean durableCommits) {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withDatabaseName(database);
        container.setCommand(command(durableCommits).toArray(String[]::new));
        return container;
    }

    /**
     * Testcontainers starts PostgreSQL with {@code fsync=off}, which would make durable commits a pretence; fsync here
     * follows {@code durableCommits}, and the rest is what the embedded server runs with.
     */
    static List<String> command(boolean durableCommits) {
        Map<String, String> settings = new TreeMap<>(PostgresServerConfig.settings(durableCommits));
        settings.put("fsync", durableCommits ? "on" : "off");
        List<String> command = new ArrayList<>(List.of("postgres"));
        settings.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        return command;
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        // Testcontainers' stop does nothing the second time
        container.stop();
    }

    @Override
    public String toString() {
        return "PostgreSQL container at " + endpoint.jdbcUrl();
    }
}
