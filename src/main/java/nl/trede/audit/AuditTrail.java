package nl.trede.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.trede.security.CurrentUser;

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

    private void append(String actor, String roles, Action action, String resourceType, UUID resourceId,
                        String municipalityCode, String modelVersion, Detail detail) {
        AuditHead head = AuditHead.findById(chainOfThisTransaction(), LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = new AuditEntry();
        entry.chain = head.id;
        entry.chainSeq = head.lastSeq + 1;
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.roles = roles;
        entry.municipalityCode = municipalityCode;
        entry.action = action.name();
        entry.resourceType = resourceType;
        entry.resourceId = resourceId == null ? null : resourceId.toString();
        entry.modelVersion = modelVersion;
        entry.detail = detail == null ? null : detail.name();
        entry.previousHash = head.lastHash;
        entry.entryHash = entry.computeHash();
        entry.persist();
        head.lastSeq = entry.chainSeq;
        head.lastHash = entry.entryHash;
    }

    private int chainOfThisTransaction() {
        Integer chain = (Integer) transactions.getResource(CHAIN_OF_TRANSACTION);
        if (chain == null) {
            List<Integer> ids = chains;
            if (ids == null) {
                // The ids only, not the heads: a head read here, before its lock, would stay in the persistence
                // context, and the locking read in append() would then keep its stale end (a second entry on one seq).
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
