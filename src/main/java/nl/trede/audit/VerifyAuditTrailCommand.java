package nl.trede.audit;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

/**
 * {@code java -jar target/quarkus-app/quarkus-run.jar verify-audit-trail}: verifies the chain in
 * the configured database without serving HTTP. Exit code 0 when intact, 1 when broken.
 */
public class VerifyAuditTrailCommand implements QuarkusApplication {

    @Inject
    AuditVerifier verifier;

    @Override
    public int run(String... args) {
        ChainVerification result = verifier.verify();
        if (result.intact()) {
            System.out.printf("Audit trail intact: %d entries verified.%n", result.entriesChecked());
            return 0;
        }
        System.out.printf("Audit trail BROKEN at entry %d: %s (%d entries checked).%n",
                result.firstBrokenSeq(), result.reason(), result.entriesChecked());
        return 1;
    }
}
