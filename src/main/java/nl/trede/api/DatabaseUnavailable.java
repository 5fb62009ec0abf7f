package nl.trede.api;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure because the database cannot be reached (stopped, restarting, network gone) from
 * a fault: the first is answered 503 with Retry-After, since the same request will succeed when the
 * database is back; the second stays a 500 with an incident id.
 */
public final class DatabaseUnavailable {

    /** Seconds a client waits before retrying: about how long a PostgreSQL restart or fail-over takes. */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * PostgreSQL's states for a server going away or not yet back: admin_shutdown (stopped, or the
     * session terminated), crash_shutdown, cannot_connect_now (starting up or shutting down).
     */
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLException sql && isUnreachable(sql)) {
                return true;
            }
            // A commit that failed: the transaction manager keeps what each resource (the connection) threw as
            // suppressed exceptions of its outcome, not as the cause (Narayana: ARJUNA016053 "Could not commit").
            if (isFailedCommit(cause)) {
                for (Throwable resourceFailure : cause.getSuppressed()) {
                    if (causedBy(resourceFailure)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isFailedCommit(Throwable failure) {
        return failure instanceof RollbackException || failure instanceof HeuristicMixedException
                || failure instanceof HeuristicRollbackException;
    }

    private static boolean isUnreachable(SQLException e) {
        String state = e.getSQLState();
        // Class 08: connection exception (SQL standard; PostgreSQL and H2 use it).
        return state != null && (state.startsWith("08") || SERVER_GOING_OR_COMING.contains(state)) || isPoolTimeout(e);
    }

    /** Agroal's answer when no connection could be had in time: an SQLException without a state. */
    private static boolean isPoolTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
