package nl.trede.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Walks every chain in pages and reports the first entry whose hash or link does not hold, or the
 * first gap: an entry missing inside a chain, a chain ending before its head, or an entry that
 * belongs to no chain.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 1000;

    /** In a transaction of its own when called from the command, which has no request around it. */
    @Transactional
    public ChainVerification verify() {
        long checked = 0;
        for (AuditHead head : AuditHead.<AuditHead>list("order by id")) {
            String expectedPrevious = AuditHead.GENESIS;
            long expectedSeq = 1;
            while (true) {
                List<AuditEntry> page = AuditEntry.find("chain = ?1 and chainSeq >= ?2 order by chainSeq", head.id, expectedSeq)
                        .page(0, PAGE).list();
                for (AuditEntry entry : page) {
                    checked++;
                    if (entry.chainSeq != expectedSeq) {
                        return broken(checked, entry.seq, "entry " + expectedSeq + " of chain " + head.id + " is missing");
                    }
                    if (!entry.previousHash.equals(expectedPrevious)) {
                        return broken(checked, entry.seq, "does not link to the previous entry");
                    }
                    if (!entry.entryHash.equals(entry.computeHash())) {
                        return broken(checked, entry.seq, "content does not match its hash");
                    }
                    expectedPrevious = entry.entryHash;
                    expectedSeq++;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            if (head.lastSeq != expectedSeq - 1) {
                return broken(checked, null, "chain " + head.id + " ends before its recorded head " + head.lastSeq);
            }
        }
        long stored = AuditEntry.count();
        if (stored != checked) {
            return broken(checked, null, (stored - checked) + " entries belong to no chain");
        }
        return new ChainVerification(true, checked, null, null);
    }

    private static ChainVerification broken(long checked, Long seq, String reason) {
        return new ChainVerification(false, checked, seq, reason);
    }
}
