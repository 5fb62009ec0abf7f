package nl.trede.cli;

import io.quarkus.runtime.Quarkus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import nl.trede.security.CurrentUser;

/**
 * {@code train-candidate}: the API's training run ({@code POST /api/v1/training-runs}) on the server
 * itself, against the configured database, from a history CSV or from a municipality's decisions;
 * it prints the run's log as it goes and the candidate version it registered.
 */
final class TrainCandidateCommand implements Command {

    @Override
    public String name() {
        return "train-candidate";
    }

    @Override
    public String summary() {
        return "train a candidate model version from a history CSV or the database's decisions, with its report";
    }

    @Override
    public String usage() {
        return """
                usage: train-candidate (--csv FILE | --municipality GM0599 [--from YYYY-MM-DD] [--to YYYY-MM-DD])
                                       [--seed N] [--held-out-share S] [--distance-candidates STANDARD|LOGISTIC_REGRESSION]
                                       [--folds K] [--final-lambda-12 L] [--final-lambda-24 L]

                  Carries out what POST /api/v1/training-runs does, in this process, on the database the service is
                  configured for (environment, application.properties): reads the records (the CSV, or the municipality's
                  decisions through the training-data export), holds a share out, fits the distance and effect models on
                  the rest, evaluates them against the active version on the held-out records, and registers both models
                  and a candidate version with its report and provenance. The run is stored like one started through the
                  API (GET /api/v1/training-runs shows it) and is on the audit trail. Settings as in the API (defaults:
                  seed 20261201, held-out share 0.2, STANDARD, 5 folds). Exit code 0 when a version was registered.
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("--csv", "--municipality", "--from", "--to", "--seed", "--held-out-share", "--distance-candidates", "--folds",
                "--final-lambda-12", "--final-lambda-24");
    }

    /** Checks the command line, then starts Quarkus without HTTP, which ends the process with the run's exit code. */
    @Override
    public int execute(Options options, PrintStream out, PrintStream err) throws CommandException {
        String csv = options.get("--csv", null);
        String municipality = options.get("--municipality", null);
        if ((csv == null) == (municipality == null)) {
            throw new CommandException("give either --csv or --municipality", true);
        }
        if (csv != null && !Files.isRegularFile(Path.of(csv))) {
            throw new CommandException("--csv: no such file " + csv, false);
        }
        if (municipality != null && !CurrentUser.isMunicipalityCode(municipality)) {
            throw new CommandException("--municipality must be a CBS municipality code like GM0599", true);
        }
        date(options, "--from");
        date(options, "--to");
        System.setProperty("quarkus.http.host-enabled", "false");
        Quarkus.run(TrainCandidateApplication.class, csv == null ? "" : csv,
                municipality == null ? "" : municipality, options.get("--from", ""), options.get("--to", ""),
                options.get("--seed", ""), options.get("--held-out-share", ""), options.get("--distance-candidates", ""),
                options.get("--folds", ""), options.get("--final-lambda-12", ""), options.get("--final-lambda-24", ""));
        return 0;
    }

    private static void date(Options options, String name) throws CommandException {
        String value = options.get(name, null);
        if (value != null) {
            try {
                LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandException(name + " must be a date like 2026-06-30, not '" + value + "'", true);
            }
        }
    }
}
