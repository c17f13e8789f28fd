package com.trustifi.onboarding.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * It can be stopped and started again on the same port with the same data ({@link #stop()},
 * {@link #startAgain()}), as an outage and a recovery would.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DEFAULT_DATABASE = "onboarding";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    // The name goes into CREATE DATABASE unquoted, so only plain identifiers are accepted.
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String SUPERUSER = "postgres";
    // initdb sets up trust authentication on localhost; the server ignores the password, drivers need one.
    private static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final DatabaseEndpoint endpoint;
    private final boolean durableCommits;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean durableCommits, String database) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.durableCommits = durableCommits;
        this.port = postgres.getPort();
        this.endpoint = new DatabaseEndpoint(
                "jdbc:postgresql://localhost:" + port + "/" + database, SUPERUSER, PASSWORD);
    }

    public static EmbeddedPostgresServer start() {
        return start(DEFAULT_DATABASE);
    }

    public static EmbeddedPostgresServer start(String database) {
        return start(database, false);
    }

    /**
     * With {@code durableCommits} a commit returns only once its WAL is on disk ({@code synchronous_commit=on}), as
     * production pays for it; without, the embedded default, commits return before the flush, which tests can afford.
     */
    public static EmbeddedPostgresServer start(String database, boolean durableCommits) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        long started = System.nanoTime();
        Path dataDirectory;
        try {
            dataDirectory = Files.createTempDirectory("embedded-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("No folder for PostgreSQL's data", e);
        }
        EmbeddedPostgres postgres = launch(dataDirectory, LoopbackPort.free(), durableCommits);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory, durableCommits, database);
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

    /** initdb runs only in a folder that holds no data yet; the same folder again starts the same server. */
    private static EmbeddedPostgres launch(Path dataDirectory, int port, boolean durableCommits) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            PostgresServerConfig.settings(durableCommits).forEach(builder::setServerConfig);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /** Stops the server (a fast shutdown: connections are cut), keeping its data. */
    public synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        }
    }

    /** Starts the stopped server again, on its port, with its data. */
    public synchronized void startAgain() {
        postgres = launch(dataDirectory, port, durableCommits);
        LOG.infof("Embedded PostgreSQL at %s started again", endpoint.jdbcUrl());
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    /** The server's main process (the postmaster; its backends are its children), from its data directory's pid file. */
    public long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's pid file could not be read", e);
        }
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
                deleteRecursively(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
