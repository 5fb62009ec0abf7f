package nl.trede.cli;

import io.quarkus.runtime.Quarkus;
import java.io.PrintStream;
import java.util.Set;
import nl.trede.security.CurrentUser;
import nl.trede.trainingdata.TrainingDataFormat;

/**
 * {@code export-training-data}: the API's training-data export, written to a file from the
 * configured database, for a data scientist working on the server itself.
 */
final class ExportTrainingDataCommand implements Command {

    @Override
    public String name() {
        return "export-training-data";
    }

    @Override
    public String summary() {
        return "write one municipality's decisions, advice shown and outcome labels as CSV or JSON lines";
    }

    @Override
    public String usage() {
        return """
                usage: export-training-data --municipality GM0599 --out FILE [--format csv|jsonl]

                  Writes what GET /api/v1/training-data answers: every decision of the municipality with the
                  intake profile, the advice as shown, what was given, override, reason and note, and the labels
                  worked12 / worked24 (empty while censored). Reads the database the service is configured for
                  (environment, application.properties); the export is recorded on the audit trail.
                  --format  csv (default) or jsonl
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("--municipality", "--out", "--format");
    }

    /** Checks the command line, then starts Quarkus without HTTP, which ends the process with the export's exit code. */
    @Override
    public int execute(Options options, PrintStream out, PrintStream err) throws CommandException {
        String municipality = options.required("--municipality");
        if (!CurrentUser.isMunicipalityCode(municipality)) {
            throw new CommandException("--municipality must be a CBS municipality code like GM0599", true);
        }
        String file = options.required("--out");
        String format = options.get("--format", "csv");
        try {
            TrainingDataFormat.named(format);
        } catch (IllegalArgumentException e) {
            throw new CommandException("--format: " + e.getMessage(), true);
        }
        System.setProperty("quarkus.http.host-enabled", "false");
        Quarkus.run(ExportTrainingDataApplication.class, municipality, format, file);
        return 0;
    }
}
