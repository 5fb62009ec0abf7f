package nl.trede;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import nl.trede.audit.VerifyAuditTrailCommand;
import nl.trede.core.cli.EstimateEffectsCommand;
import nl.trede.core.cli.SimulateHistoryCommand;
import nl.trede.core.cli.TrainModelsCommand;

/**
 * One jar for the service and its commands: {@code train-models}, {@code simulate-history} and
 * {@code estimate-effects} run the framework-free learning core and exit without starting the service or touching its
 * database; {@code verify-audit-trail} starts the application without HTTP to check the audit
 * chain in the configured database; anything else starts the service.
 */
@QuarkusMain
public final class Main {

    public static void main(String... args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "train-models" -> System.exit(TrainModelsCommand.run(rest));
            case "simulate-history" -> System.exit(SimulateHistoryCommand.run(rest));
            case "estimate-effects" -> System.exit(EstimateEffectsCommand.run(rest, System.out, System.err));
            case "verify-audit-trail" -> {
                System.setProperty("quarkus.http.host-enabled", "false");
                Quarkus.run(VerifyAuditTrailCommand.class, rest);
            }
            default -> Quarkus.run(args);
        }
    }
}
