package nl.trede.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Walks the chain in pages and reports the first entry whose hash or link does not hold. */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 1000;
    private static final String GENESIS = "0".repeat(64);

    /** In a transaction of its own when called from the command, which has no request around it. */
    @Transactional
    public ChainVerification verify() {
        String expectedPrevious = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> page = AuditEntry.find("seq >= ?1 order by seq", expectedSeq).page(0, PAGE).list();
            for (AuditEntry entry : page) {
                checked++;
                if (entry.seq != expectedSeq) {
                    return broken(checked, expectedSeq, "entry " + expectedSeq + " is missing");
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
                AuditHead head = AuditHead.findById(1);
                if (head.lastSeq != expectedSeq - 1) {
                    return broken(checked, expectedSeq, "the chain ends before its recorded head " + head.lastSeq);
                }
                return new ChainVerification(true, checked, null, null);
            }
        }
    }

    private static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(false, checked, seq, reason);
    }
}
