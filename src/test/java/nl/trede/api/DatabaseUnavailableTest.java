package nl.trede.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A database that is gone for a moment is a 503 with Retry-After — the case system retries and
 * succeeds once it is back — never a 500 "report this incident". A real fault stays a 500.
 * (bench/database-outage.sh takes PostgreSQL away under load and checks the same end to end.)
 */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRefusedConnectionIs503WithRetryAfter() {
        Response answer = mappers.unexpected(new PersistenceException(
                new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("Connection refused", "08001"))));
        assertEquals(503, answer.getStatus());
        assertEquals(DatabaseUnavailable.RETRY_AFTER_SECONDS, answer.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
    }

    @Test
    void aConnectionLostMidTransactionIs503() {
        assertEquals(503, mappers.unexpected(new IllegalStateException("commit failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))).getStatus());
    }

    @Test
    void noConnectionFromThePoolInTimeIs503() {
        assertEquals(503, mappers.unexpected(new PersistenceException(
                new SQLException("Sorry, acquisition timeout!"))).getStatus());
    }

    @Test
    void otherDatabaseFailuresStay500() {
        assertEquals(500, mappers.unexpected(new PersistenceException(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key", "23505"), "client_reference_unique"))).getStatus());
    }
}
