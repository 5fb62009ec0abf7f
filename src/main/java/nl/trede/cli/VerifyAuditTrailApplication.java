package nl.trede.cli;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import nl.trede.audit.AuditVerifier;
import nl.trede.audit.ChainVerification;

/** The application {@code verify-audit-trail} starts: checks the chain in the configured database without serving HTTP. */
public class VerifyAuditTrailApplication implements QuarkusApplication {

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
