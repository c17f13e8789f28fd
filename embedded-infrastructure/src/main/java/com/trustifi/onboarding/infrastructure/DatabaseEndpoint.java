package com.trustifi.onboarding.infrastructure;

import java.util.Objects;

/** How to reach a PostgreSQL database over JDBC. */
public record DatabaseEndpoint(String jdbcUrl, String username, String password) {

    public DatabaseEndpoint {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DatabaseEndpoint[" + jdbcUrl + " as " + username + "]";
    }
}
