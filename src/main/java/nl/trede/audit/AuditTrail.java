package nl.trede.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.trede.security.CurrentUser;
import org.hibernate.Session;

/**
 * Records every read of client data and every write in the same transaction as the act itself:
 * if the act is rolled back, so is its entry, and no act commits without one. Refused attempts,
 * whose act is rolled back, are recorded afterwards in a transaction of their own.
 *
 * <p>The trail is several hash chains ({@link AuditHead}, one row per chain). A transaction
 * appends all its entries to one chain, chosen at random at its first entry, and holds that
 * chain's head locked until it commits: concurrent transactions mostly write to different chains
 * instead of queueing on one head, and as no transaction ever locks two heads, two can never wait
 * for each other's head (no deadlock). Each chain stays linear and gapless under its head's lock,
 * so every chain is tamper-evident on its own and {@link AuditVerifier} checks them all.
 */
@ApplicationScoped
public class AuditTrail {

    /** Key of the chain a transaction writes to, among its transaction-scoped resources. */
    private static final String CHAIN_OF_TRANSACTION = AuditTrail.class.getName() + ".chain";

    private static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM audit_head WHERE id = ? FOR UPDATE";
    /** The trail's global number ({@code seq}) is the column's default, drawn by the insert. */
    private static final String INSERT_ENTRY = "INSERT INTO audit_entry (chain, chain_seq, occurred_at, actor, roles,"
            + " municipality_code, action, resource_type, resource_id, model_version, detail, previous_hash, entry_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ADVANCE_HEAD = "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = ?";

    private final CurrentUser user;
    private final TransactionSynchronizationRegistry transactions;
    /** The chains' ids, read once: the chains are fixed by the migrations. */
    private volatile List<Integer> chains;

    public AuditTrail(CurrentUser user, TransactionSynchronizationRegistry transactions) {
        this.user = user;
        this.transactions = transactions;
    }

    /** What was done or seen, or that it was refused. */
    public enum Action { READ, SEARCH, CREATE, DECIDE, OVERRIDE, ERASE, VERIFY, REFUSED, PROPOSE, PROMOTE, REJECT, ROLLBACK, SHADOW }

    /** Why an attempt was refused, or what is remarkable about an act. */
    public enum Detail {
        /** The id belongs to another municipality (answered 404, like an id that does not exist). */
        OTHER_MUNICIPALITYS_RECORD,
        /** The request named a municipality the caller does not act for (403). */
        NOT_ACTING_FOR_MUNICIPALITY,
        /** The caller's role may not call this operation (403). */
        ROLE_NOT_ALLOWED,
        /** A genuinely signed token past its expiry (401). */
        TOKEN_EXPIRED,
        /** A klantmanager's decision names another klantmanagerId than the token's subject. */
        KLANTMANAGER_ID_IS_NOT_CALLER,
        /**
         * An allocation run read the cohort's recorded protected attributes for its fairness limits, or a shadow
         * comparison for its subgroups (never a model's input).
         */
        FAIRNESS_ATTRIBUTES_USED
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Action action, String resourceType, UUID resourceId, String municipalityCode, String modelVersion) {
        record(action, resourceType, resourceId, municipalityCode, modelVersion, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Action action, String resourceType, UUID resourceId, String municipalityCode, String modelVersion,
                       Detail detail) {
        append(user.id(), user.roles(), action, resourceType, resourceId, municipalityCode, modelVersion, detail);
    }

    /**
     * For acts that concern no single municipality (reading or verifying the trail): one entry for
     * each municipality the caller acts for, so that each of their auditors sees it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordForEachMunicipalityOfCaller(Action action, String resourceType) {
        recordForEachMunicipalityOfCaller(action, resourceType, null, null);
    }

    /** The same, for an act on one resource that concerns the whole installation (a model promotion). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordForEachMunicipalityOfCaller(Action action, String resourceType, UUID resourceId, String modelVersion) {
        for (String municipality : orNone(user.municipalities())) {
            record(action, resourceType, resourceId, municipality, modelVersion);
        }
    }

    /** For acts of the system itself, such as the retention job, which has no caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actor, String roles, Action action, String resourceType, UUID resourceId,
                         String municipalityCode, String modelVersion) {
        recordAs(actor, roles, action, resourceType, resourceId, municipalityCode, modelVersion, null);
    }

    /** As {@link #recordAs(String, String, Action, String, UUID, String, String)}, with what else the act involved. */
    public void recordAs(String actor, String roles, Action action, String resourceType, UUID resourceId,
                         String municipalityCode, String modelVersion, Detail detail) {
        append(actor, roles, action, resourceType, resourceId, municipalityCode, modelVersion, detail);
    }

    /**
     * A refused attempt, once for each municipality concerned. It runs after the refused act's
     * transaction has ended, in one of its own: inside the act's transaction its entry would be
     * rolled back with the act, and a nested transaction would wait for the chain's head row that
     * the suspended act may already hold locked — a deadlock. {@code NEVER} makes that mistake fail
     * at once instead of hanging.
     */
    @Transactional(Transactional.TxType.NEVER)
    public void recordRefusal(Refusal refusal, String operation) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String municipality : orNone(refusal.municipalities())) {
                append(refusal.actor(), refusal.roles(), Action.REFUSED, operation, refusal.resourceId(), municipality, null,
                        refusal.detail());
            }
        });
    }

    /** Who was refused what: ids and codes only, never the request or the token. */
    public record Refusal(String actor, String roles, Set<String> municipalities, UUID resourceId, Detail detail) {
    }

    /** A caller without municipalities still leaves one entry, without a municipality. */
    private static Collection<String> orNone(Set<String> municipalities) {
        return municipalities.isEmpty() ? Collections.singletonList(null) : municipalities;
    }

    /**
     * Appends in three statements on the transaction's own connection, not through the persistence
     * context: an entry is never read back in the act's transaction, and Hibernate's bookkeeping of
     * the head and the entry (load, persist, dirty check at the flush) was a fifth of a decision's
     * CPU (issue #12). The head is locked by its read and updated at once, so a second entry of the
     * same transaction reads the end the first one left.
     */
    private void append(String actor, String roles, Action action, String resourceType, UUID resourceId,
                        String municipalityCode, String modelVersion, Detail detail) {
        int chain = chainOfThisTransaction();
        AuditHead.getEntityManager().unwrap(Session.class).doWork(connection -> {
            AuditEntry entry = new AuditEntry();
            entry.chain = chain;
            try (PreparedStatement head = connection.prepareStatement(LOCK_HEAD)) {
                head.setInt(1, chain);
                try (ResultSet end = head.executeQuery()) {
                    end.next();
                    entry.chainSeq = end.getLong(1) + 1;
                    entry.previousHash = end.getString(2);
                }
            }
            entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            entry.actor = actor;
            entry.roles = roles;
            entry.municipalityCode = municipalityCode;
            entry.action = action.name();
            entry.resourceType = resourceType;
            entry.resourceId = resourceId == null ? null : resourceId.toString();
            entry.modelVersion = modelVersion;
            entry.detail = detail == null ? null : detail.name();
            entry.entryHash = entry.computeHash();
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRY)) {
                insert.setInt(1, entry.chain);
                insert.setLong(2, entry.chainSeq);
                insert.setObject(3, entry.occurredAt.atOffset(ZoneOffset.UTC));
                insert.setString(4, entry.actor);
                insert.setString(5, entry.roles);
                insert.setString(6, entry.municipalityCode);
                insert.setString(7, entry.action);
                insert.setString(8, entry.resourceType);
                insert.setString(9, entry.resourceId);
                insert.setString(10, entry.modelVersion);
                insert.setString(11, entry.detail);
                insert.setString(12, entry.previousHash);
                insert.setString(13, entry.entryHash);
                insert.executeUpdate();
            }
            try (PreparedStatement advance = connection.prepareStatement(ADVANCE_HEAD)) {
                advance.setLong(1, entry.chainSeq);
                advance.setString(2, entry.entryHash);
                advance.setInt(3, chain);
                advance.executeUpdate();
            }
        });
    }

    private int chainOfThisTransaction() {
        Integer chain = (Integer) transactions.getResource(CHAIN_OF_TRANSACTION);
        if (chain == null) {
            List<Integer> ids = chains;
            if (ids == null) {
                ids = AuditHead.getEntityManager().createQuery("SELECT h.id FROM AuditHead h ORDER BY h.id", Integer.class)
                        .getResultList();
                chains = ids;
            }
            chain = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            transactions.putResource(CHAIN_OF_TRANSACTION, chain);
        }
        return chain;
    }
}
