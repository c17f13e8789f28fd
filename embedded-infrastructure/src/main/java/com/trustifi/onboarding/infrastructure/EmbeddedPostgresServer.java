package com.trustifi.onboarding.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 17 server run from binaries shipped in a jar, listening on a free port of this host,
 * with one empty application database. Its data folder is temporary and removed on {@link #close()}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DEFAULT_DATABASE = "onboarding";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    // The name goes into CREATE DATABASE unquoted, so only plain identifiers are accepted.
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String SUPERUSER = "postgres";
    // initdb sets up trust authentication on localhost; the server ignores the password, drivers need one.
    private static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final DatabaseEndpoint endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.endpoint = new DatabaseEndpoint(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, SUPERUSER, PASSWORD);
    }

    public static EmbeddedPostgresServer start() {
        return start(DEFAULT_DATABASE);
    }

    public static EmbeddedPostgresServer start(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        long started = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().setPort(LoopbackPort.free()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, database);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        LOG.infof("Embedded PostgreSQL ready at %s after %d ms", server.endpoint.jdbcUrl(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return server;
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    public String jdbcUrl() {
        return endpoint.jdbcUrl();
    }

    public String username() {
        return endpoint.username();
    }

    public String password() {
        return endpoint.password();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
