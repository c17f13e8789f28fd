package com.trustifi.onboarding.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    @Test
    void servesPostgres17WithTheApplicationDatabase() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            assertThat(server.jdbcUrl()).endsWith("/" + EmbeddedPostgresServer.DEFAULT_DATABASE);

            ResultSet version = statement.executeQuery("select version(), current_database()");
            version.next();

            assertThat(version.getString(1)).startsWith("PostgreSQL 17.");
            assertThat(version.getString(2)).isEqualTo("onboarding");

            // the connection's own process is a child of the server's main one
            ResultSet backend = statement.executeQuery("select pg_backend_pid()");
            backend.next();
            assertThat(ProcessHandle.of(backend.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .contains(server.pid());
        }
    }

    @Test
    void rejectsDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> EmbeddedPostgresServer.start("onboarding; drop table x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
