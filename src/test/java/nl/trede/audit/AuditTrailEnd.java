package nl.trede.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Where the audit trail ends now: a test reads the entries its own acts wrote after this number. */
public final class AuditTrailEnd {

    private AuditTrailEnd() {
    }

    /** The highest entry number written so far (0 for an empty trail), read in a transaction of its own. */
    public static long lastSeq() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) AuditEntry.getEntityManager()
                .createNativeQuery("SELECT COALESCE(MAX(seq), 0) FROM audit_entry").getSingleResult()).longValue());
    }
}
