package nl.trede.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import nl.trede.core.synth.HistoryCsv;
import nl.trede.core.synth.PopulationGenerator;

/**
 * {@code simulate-history --out FILE [--seed N] [--size N] [--missing-share X] [--randomised-share X]
 * [--cream-skimming X] [--ground-truth]}: writes a synthetic intervention history as CSV (see
 * {@link HistoryCsv} for the columns), e.g. as input for the causal-effects command. With
 * {@code --ground-truth} the true propensity and true probabilities under every intervention are
 * appended, for evaluation only.
 */
public final class SimulateHistoryCommand {

    private static final String USAGE = "usage: simulate-history --out FILE [--seed N] [--size N] [--missing-share X] "
            + "[--randomised-share X] [--cream-skimming X] [--ground-truth]";

    private SimulateHistoryCommand() {
    }

    /** Runs the command; returns the process exit code (0 ok, 2 bad arguments, 1 failure). */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        PopulationGenerator.Settings settings;
        try {
            options = new Options(args, Set.of("--out", "--seed", "--size", "--missing-share", "--randomised-share",
                    "--cream-skimming"), Set.of("--ground-truth"));
            if (options.get("--out", null) == null) {
                throw new IllegalArgumentException("--out is required");
            }
            PopulationGenerator.Settings defaults = PopulationGenerator.Settings.defaults();
            settings = new PopulationGenerator.Settings(options.getDouble("--missing-share", defaults.missingShare()),
                    options.getDouble("--randomised-share", defaults.randomisedShare()),
                    options.getDouble("--cream-skimming", defaults.creamSkimming()), defaults.programmeShare());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            Path file = Path.of(options.get("--out", null));
            int size = options.getInt("--size", 20_000);
            HistoryCsv.write(new PopulationGenerator(settings).generate(size, options.getLong("--seed",
                    TrainModelsCommand.DEFAULT_SEED)), file, options.has("--ground-truth"));
            out.println("wrote " + size + " simulated clients to " + file);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("simulate-history failed: " + e);
            return 1;
        }
    }
}
