package nl.trede.cli;

import io.quarkus.runtime.Quarkus;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code verify-audit-trail}: starts the application without HTTP and recomputes the audit
 * trail's hash chain in the configured database. Exit code 0 when intact, 1 when broken.
 */
final class VerifyAuditTrailCommand implements Command {

    @Override
    public String name() {
        return "verify-audit-trail";
    }

    @Override
    public String summary() {
        return "recompute the audit trail's hash chain in the configured database";
    }

    @Override
    public String usage() {
        return """
                usage: verify-audit-trail

                  Checks every entry of the audit trail in the database the service is configured for
                  (the same configuration as the service: environment, application.properties).
                  Exit code 0 when the chain is intact, 1 when it is broken (the first broken entry is named).
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of();
    }

    /** Starts Quarkus, which ends the process with the verification's exit code. */
    @Override
    public int execute(Options options, PrintStream out, PrintStream err) {
        System.setProperty("quarkus.http.host-enabled", "false");
        Quarkus.run(VerifyAuditTrailApplication.class);
        return 0;
    }
}
