package nl.trede.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.trede.Caller;
import nl.trede.Requests;
import nl.trede.api.CommitLosingDriver.Loss;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection to the database is lost just as a transaction commits: the caller cannot know
 * whether its request got through, so the answer is 503 with Retry-After (never a 500 "report this
 * incident"), and the retry with the same Idempotency-Key settles it: the request is stored once.
 * Through the whole stack (Narayana, Agroal, the interceptor), on a driver that fails the commit.
 */
@QuarkusTest
@TestProfile(DatabaseLostAtCommitTest.CommitLosingDatabase.class)
class DatabaseLostAtCommitTest {

    /** The test database behind {@link CommitLosingDriver}. */
    public static class CommitLosingDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.driver", CommitLosingDriver.class.getName());
        }
    }

    private static final String CLAIM = "INSERT INTO idempotent_request";
    private static final String ANSWER_STORED = "UPDATE idempotent_request SET state = 'DONE'";

    private final Caller caseSystem = Caller.of("case-system", "GM0363");

    @Inject
    AgroalDataSource pool;

    @AfterEach
    void disarm() {
        CommitLosingDriver.disarm();
    }

    @Test
    void theKeyClaimLostAtCommitIs503AndTheRetryStoresTheIntakeOnce() {
        assertLostThenStoredOnce(CLAIM, Loss.BEFORE_COMMIT, false);
    }

    @Test
    void theWriteLostBeforeItsCommitIs503AndTheRetryCarriesItOut() {
        assertLostThenStoredOnce(ANSWER_STORED, Loss.BEFORE_COMMIT, false);
    }

    @Test
    void theWriteCommittedButItsAnswerLostIs503AndTheRetryGetsTheOriginal() {
        assertLostThenStoredOnce(ANSWER_STORED, Loss.AFTER_COMMIT, true);
    }

    /**
     * A lost connection is discarded, as the pool retires idle ones: the connection that ran the
     * migrations among them. Keyed requests must still be stored (on H2 2.4.240 a CHECK with IN broke then).
     */
    @Test
    void keyedRequestsAreStoredAfterThePoolReplacedEveryConnection() {
        pool.flush(AgroalDataSource.FlushMode.ALL);
        Map<String, Object> intake = Requests.intake();
        intake.put("municipalityCode", caseSystem.municipality());
        withKey(UUID.randomUUID().toString()).body(intake).post("/api/v1/intakes").then().statusCode(201);
    }

    private void assertLostThenStoredOnce(String statement, Loss loss, boolean replayed) {
        Map<String, Object> intake = Requests.intake();
        intake.put("municipalityCode", caseSystem.municipality());
        String key = UUID.randomUUID().toString();

        CommitLosingDriver.loseNextCommitAfter(statement, loss);
        withKey(key).body(intake).post("/api/v1/intakes").then()
                .statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .body("status", equalTo(503), "title", equalTo("Service Unavailable"));
        assertTrue(CommitLosingDriver.struck(), "the commit after " + statement + " was lost");

        var retry = withKey(key).body(intake).post("/api/v1/intakes").then().statusCode(201);
        if (replayed) {
            retry.header("Idempotent-Replayed", "true");
        } else {
            retry.header("Idempotent-Replayed", nullValue());
        }
        List<String> timeline = caseSystem.given().contentType(ContentType.JSON)
                .body(Map.of("clientReference", intake.get("clientReference"), "municipalityCode", caseSystem.municipality()))
                .post("/api/v1/clients/search").then().statusCode(200).extract().path("timeline.type");
        assertEquals(List.of("INTAKE"), timeline, "one intake for one request, however its first attempt ended");
    }

    private RequestSpecification withKey(String key) {
        return caseSystem.given().contentType(ContentType.JSON).header("Idempotency-Key", key);
    }
}
