package nl.trede.audit;

import static nl.trede.Requests.as;
import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writers spread over the audit chains instead of queueing on one head, and the trail
 * stays what it was with one chain: every acknowledged write has its entry, each chain is linear
 * and gapless, and removing or altering an entry anywhere is found by the verifier. Runs on H2 and,
 * with the _TEST_QUARKUS_DATASOURCE_* variables, on PostgreSQL.
 */
@QuarkusTest
class AuditChainsTest {

    private static final int WRITERS = 8;
    private static final int INTAKES_EACH = 15;

    @Inject
    EntityManager entityManager;

    @Test
    void concurrentWritersUseSeveralChainsAndEveryChainVerifies() throws Exception {
        long before = maxSeq();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<String>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < INTAKES_EACH; i++) {
                    ids.add(as("case-system-rotterdam").contentType(ContentType.JSON).body(intake())
                            .post("/api/v1/intakes").then().statusCode(201).extract().path("id"));
                }
                return ids;
            }));
        }
        List<String> created = new ArrayList<>();
        for (Future<List<String>> writer : writers) {
            created.addAll(writer.get());
        }
        pool.shutdown();

        for (String id : created) {
            assertEquals(1L, count("SELECT count(*) FROM audit_entry WHERE resource_type = 'intake' AND action = 'CREATE' "
                    + "AND resource_id = '" + id + "'"), "one creation entry per acknowledged intake");
        }
        assertTrue(count("SELECT count(DISTINCT chain) FROM audit_entry WHERE seq > " + before) > 1,
                "the writers did not all queue on one chain");
        assertEquals(0L, count("SELECT count(*) FROM (SELECT chain FROM audit_entry GROUP BY chain "
                + "HAVING MAX(chain_seq) <> COUNT(*)) gaps"), "no chain has a gap");
        assertEquals(0L, count("SELECT count(*) FROM (SELECT chain, previous_hash FROM audit_entry GROUP BY chain, previous_hash "
                + "HAVING COUNT(*) > 1) forks"), "no two entries of a chain on one predecessor");
        assertEquals(0L, count("SELECT count(*) FROM audit_head h WHERE h.last_seq <> "
                + "(SELECT COALESCE(MAX(e.chain_seq), 0) FROM audit_entry e WHERE e.chain = h.id)"), "every head is its chain's end");
        verification().body("intact", equalTo(true));
    }

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * The first append of an instance reads the chains' ids; another instance (or thread) may append to
     * the chosen chain before this one gets its head's lock. The append must then follow that entry, not
     * the head as it was read before the lock: a fresh trail per transaction makes every append a first one.
     */
    @Test
    void aFirstAppendFollowsWhatOthersAppendedBeforeItGotTheLock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    AuditTrail firstTime = new AuditTrail(null, transactions);
                    QuarkusTransaction.requiringNew().run(() -> firstTime.recordAs("test-first-append", "system",
                            AuditTrail.Action.VERIFY, "audit-trail", null, "GM0599", null));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(); // a duplicate (chain, chain_seq) fails the writer's commit
        }
        pool.shutdown();
        verification().body("intact", equalTo(true));
    }

    @Test
    void anEntryRemovedInsideOrAtTheEndOfAChainOrAlteredIsFound() {
        // Enough entries that, spread at random over 64 chains, some chain holds three or more on a fresh database.
        for (int i = 0; i < 100; i++) {
            as("case-system-rotterdam").contentType(ContentType.JSON).body(intake()).post("/api/v1/intakes").then().statusCode(201);
        }
        verification().body("intact", equalTo(true));
        // Each verification is itself recorded, possibly on this chain: its end is read again before each step.
        long chain = count("SELECT chain FROM audit_entry GROUP BY chain ORDER BY COUNT(*) DESC LIMIT 1");
        long last = lastOf(chain);
        assertTrue(last >= 3, "a chain with entries to remove");
        long after = seqAt(chain, last);
        withRemoved(seqAt(chain, last - 1), () -> verification().body("intact", equalTo(false), "firstBrokenSeq", equalTo((int) after),
                "reason", equalTo("entry " + (last - 1) + " of chain " + chain + " is missing")));

        long end = lastOf(chain);
        withRemoved(seqAt(chain, end), () -> verification().body("intact", equalTo(false),
                "reason", equalTo("chain " + chain + " ends before its recorded head " + end)));

        long victim = seqAt(chain, lastOf(chain) - 2);
        String original = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT resource_type FROM audit_entry WHERE seq = " + victim).getSingleResult());
        sql("UPDATE audit_entry SET resource_type = 'altered' WHERE seq = " + victim);
        try {
            verification().body("intact", equalTo(false), "firstBrokenSeq", equalTo((int) victim),
                    "reason", equalTo("content does not match its hash"));
        } finally {
            sql("UPDATE audit_entry SET resource_type = '" + original + "' WHERE seq = " + victim);
        }
        verification().body("intact", equalTo(true));
    }

    private io.restassured.response.ValidatableResponse verification() {
        return as("auditor-rotterdam").get("/api/v1/audit-trail/verification").then().statusCode(200);
    }

    /** Runs the check with one entry taken out of the database, and puts it back exactly. */
    private void withRemoved(long seq, Runnable check) {
        sql("CREATE TABLE audit_entry_removed AS SELECT * FROM audit_entry WHERE seq = " + seq);
        sql("DELETE FROM audit_entry WHERE seq = " + seq);
        try {
            check.run();
        } finally {
            sql("INSERT INTO audit_entry SELECT * FROM audit_entry_removed");
            sql("DROP TABLE audit_entry_removed");
        }
    }

    private long lastOf(long chain) {
        return count("SELECT MAX(chain_seq) FROM audit_entry WHERE chain = " + chain);
    }

    private long seqAt(long chain, long chainSeq) {
        return count("SELECT seq FROM audit_entry WHERE chain = " + chain + " AND chain_seq = " + chainSeq);
    }

    private long maxSeq() {
        return count("SELECT COALESCE(MAX(seq), 0) FROM audit_entry");
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(query).getSingleResult()).longValue());
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
