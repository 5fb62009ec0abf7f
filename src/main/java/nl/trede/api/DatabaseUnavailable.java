package nl.trede.api;

import java.sql.SQLException;
import java.util.Locale;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure because the database cannot be reached (stopped, restarting, network gone) from
 * a fault: the first is answered 503 with Retry-After, since the same request will succeed when the
 * database is back; the second stays a 500 with an incident id.
 */
final class DatabaseUnavailable {

    /** Seconds a client waits before retrying: about how long a PostgreSQL restart or fail-over takes. */
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException) {
                return true;
            }
            // SQL state class 08: connection exception (SQL standard; PostgreSQL and H2 use it).
            if (cause instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || isPoolTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    /** Agroal's answer when no connection could be had in time: an SQLException without a state. */
    private static boolean isPoolTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
