package com.trustifi.onboarding.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {

    @Test
    void connectionFailuresAreToldApartFromFailuresOfTheWork() {
        assertThat(DatabaseUnreachable.isCauseOf(new RuntimeException(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(DatabaseUnreachable.isCauseOf(new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))))
                .isTrue();
        assertThat(DatabaseUnreachable.isCauseOf(new IllegalStateException(new ConnectException("refused")))).isTrue();
        assertThat(DatabaseUnreachable.isCauseOf(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnreachable.isCauseOf(new IllegalArgumentException("bad input"))).isFalse();
    }
}
