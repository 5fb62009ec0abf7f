package nl.trede.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.trede.core.synth.HistoryCsv;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SyntheticPopulation;
import nl.trede.core.synth.TestHistories;
import nl.trede.core.synth.TestHistory;

/**
 * {@code simulate-history}: writes a synthetic intervention history as CSV (see {@link HistoryCsv}
 * for the columns), e.g. as input for {@code estimate-effects}: today's simulator, whose assignment
 * can be tuned, or any other history of the {@link TestHistories} family. With {@code --ground-truth}
 * the true propensity and true probabilities under every intervention are appended, for evaluation only.
 */
final class SimulateHistoryCommand implements Command {

    @Override
    public String name() {
        return "simulate-history";
    }

    @Override
    public String summary() {
        return "write a synthetic intervention history as CSV";
    }

    @Override
    public String usage() {
        return """
                usage: simulate-history --out FILE [--history NAME] [--seed N] [--size N] [--missing-share X]
                                        [--randomised-share X] [--cream-skimming X] [--ground-truth]

                  --out               the CSV file to write
                  --history           which simulated history (default standard, today's simulator): %s
                  --seed              seed of the simulation (default 20261125)
                  --size              number of clients (default the history's own: 20000, small 3000)
                  --missing-share     share of each intake field left empty (default 0.05; standard only)
                  --randomised-share  share of clients assigned at random (default 0.1; standard only)
                  --cream-skimming    log-odds of a programme per unit of the klantmanager's impression (default 1.0; standard only)
                  --ground-truth      append the true propensity and true probabilities (for evaluation only)
                """.formatted(String.join(", ", TestHistories.ALL.stream().map(TestHistory::name).toList()));
    }

    @Override
    public Set<String> valued() {
        return Set.of("--out", "--history", "--seed", "--size", "--missing-share", "--randomised-share", "--cream-skimming");
    }

    @Override
    public Set<String> flags() {
        return Set.of("--ground-truth");
    }

    @Override
    public int execute(Options options, PrintStream out, PrintStream err) throws CommandException, IOException {
        Path file = Path.of(options.required("--out"));
        String name = options.get("--history", TestHistories.STANDARD.name());
        TestHistory history = TestHistories.byName(name)
                .orElseThrow(() -> new CommandException("unknown history '" + name + "'", true));
        int size = options.getInt("--size", history.defaultSize());
        if (size < 1) {
            throw new CommandException("--size must be at least 1", true);
        }
        long seed = options.getLong("--seed", TrainModelsCommand.DEFAULT_SEED);
        SyntheticPopulation population;
        if (history == TestHistories.STANDARD) {
            PopulationGenerator.Settings defaults = PopulationGenerator.Settings.defaults();
            PopulationGenerator.Settings settings = new PopulationGenerator.Settings(
                    share(options, "--missing-share", defaults.missingShare()),
                    share(options, "--randomised-share", defaults.randomisedShare()),
                    options.getDouble("--cream-skimming", defaults.creamSkimming()), defaults.programmeShare());
            population = new PopulationGenerator(settings).generate(size, seed);
        } else {
            for (String tuning : List.of("--missing-share", "--randomised-share", "--cream-skimming")) {
                if (options.has(tuning)) {
                    throw new CommandException(tuning + " tunes the standard history only; " + name
                            + " has its own assignment", true);
                }
            }
            population = history.generate(size, seed);
        }
        HistoryCsv.write(population, file, options.has("--ground-truth"));
        out.println("wrote " + size + " simulated clients of the " + name + " history to " + file);
        return 0;
    }

    private static double share(Options options, String name, double otherwise) throws CommandException {
        double share = options.getDouble(name, otherwise);
        if (!(share >= 0 && share <= 1)) {
            throw new CommandException(name + " must be between 0 and 1, not " + share, true);
        }
        return share;
    }
}
