package com.trustifi.onboarding.api.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach PostgreSQL (nothing was done; the same work can be tried again once it is
 * back) from a failure of the work itself. Connection errors have SQLState class 08; the pool
 * reports a connection it could not get in time by its message.
 */
public final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && (String.valueOf(sql.getSQLState()).startsWith("08")
                    || String.valueOf(sql.getMessage()).contains("Acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }
}
