package nl.trede.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code idempotent_request} table, in plain SQL: the claim needs {@code INSERT … ON CONFLICT
 * DO NOTHING} (PostgreSQL, and H2 in PostgreSQL mode), which makes the primary key decide which of
 * several simultaneous requests — on one instance or several — carries a key out.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String DONE = "DONE";

    private final EntityManager db;

    IdempotencyStore(EntityManager db) {
        this.db = db;
    }

    /** What became of an attempt to claim a key. */
    sealed interface Claim {
    }

    /** This request carries the key out, fenced by {@code token}. */
    record Claimed(UUID token) implements Claim {
    }

    /** The key was used before for another request (another method, path or body). */
    record UsedForAnotherRequest() implements Claim {
    }

    /** The first request with the key is still being carried out. */
    record InProgress() implements Claim {
    }

    /** The key's request was carried out; this is its answer. */
    record Answered(int status, String location, String body) implements Claim {
    }

    /**
     * Claims the key for this request, in a transaction of its own that commits at once, so that a
     * retry arriving meanwhile sees it in progress. A claim older than {@code abandonedAfter} is
     * presumed abandoned (its instance died) and taken over; should its holder be alive after all,
     * the token makes the slower of the two roll back (see {@link #finish}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Claim claim(String scope, String key, String requestHash, Duration abandonedAfter) {
        Instant now = Instant.now();
        UUID token = UUID.randomUUID();
        int inserted = db.createNativeQuery("INSERT INTO idempotent_request"
                        + " (scope, idempotency_key, request_hash, state, claim_token, claimed_at, created_at)"
                        + " VALUES (?1, ?2, ?3, 'IN_PROGRESS', ?4, ?5, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, token).setParameter(5, now)
                .executeUpdate();
        if (inserted == 1) {
            return new Claimed(token);
        }
        Optional<Object[]> row = first(db.createNativeQuery("SELECT request_hash, state, response_status, response_location,"
                        + " response_body FROM idempotent_request WHERE scope = ?1 AND idempotency_key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList());
        if (row.isEmpty()) {
            // Released by a failed first attempt between our insert and our read: claim it afresh.
            return claim(scope, key, requestHash, abandonedAfter);
        }
        Object[] found = row.get();
        if (!requestHash.equals(found[0])) {
            return new UsedForAnotherRequest();
        }
        if (DONE.equals(found[1])) {
            return new Answered(((Number) found[2]).intValue(), (String) found[3], (String) found[4]);
        }
        int takenOver = db.createNativeQuery("UPDATE idempotent_request SET claim_token = ?3, claimed_at = ?4"
                        + " WHERE scope = ?1 AND idempotency_key = ?2 AND state = 'IN_PROGRESS' AND claimed_at < ?5")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, token).setParameter(4, now)
                .setParameter(5, now.minus(abandonedAfter))
                .executeUpdate();
        return takenOver == 1 ? new Claimed(token) : new InProgress();
    }

    /**
     * Stores the answer in the caller's transaction, the one of the write itself, so that the write
     * and its answer commit together or not at all. False if the claim was taken over meanwhile:
     * the caller must then roll back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean finish(String scope, String key, UUID token, int status, String location, String body, UUID clientId) {
        return db.createNativeQuery("UPDATE idempotent_request SET state = 'DONE', response_status = ?4,"
                        + " response_location = ?5, response_body = ?6, client_id = ?7"
                        + " WHERE scope = ?1 AND idempotency_key = ?2 AND claim_token = ?3 AND state = 'IN_PROGRESS'")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, token).setParameter(4, status)
                .setParameter(5, location).setParameter(6, body).setParameter(7, clientId)
                .executeUpdate() == 1;
    }

    /** Gives up a claim whose request failed (and changed nothing), so that a retry carries it out afresh. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void release(String scope, String key, UUID token) {
        db.createNativeQuery("DELETE FROM idempotent_request WHERE scope = ?1 AND idempotency_key = ?2"
                        + " AND claim_token = ?3 AND state = 'IN_PROGRESS'")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, token)
                .executeUpdate();
    }

    /** Deletes keys created before {@code cutoff}; returns how many. */
    @Transactional
    int purgeCreatedBefore(Instant cutoff) {
        return db.createNativeQuery("DELETE FROM idempotent_request WHERE created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }

    /** Deletes the stored answers about a client whose personal data are erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetClient(UUID clientId) {
        db.createNativeQuery("DELETE FROM idempotent_request WHERE client_id = ?1").setParameter(1, clientId).executeUpdate();
    }

    private static Optional<Object[]> first(List<?> rows) {
        return rows.stream().findFirst().map(Object[].class::cast);
    }
}
