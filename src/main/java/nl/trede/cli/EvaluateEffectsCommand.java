package nl.trede.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.trede.core.effects.EffectModelTrainer;
import nl.trede.core.groundtruth.HistoryEvaluation;
import nl.trede.core.groundtruth.HistoryEvaluation.HorizonResult;
import nl.trede.core.groundtruth.HistoryEvaluation.LearnerResult;
import nl.trede.core.groundtruth.HistoryEvaluation.OptionResult;
import nl.trede.core.groundtruth.HistoryEvaluation.Result;
import nl.trede.core.synth.TestHistories;
import nl.trede.core.synth.TestHistory;

/**
 * {@code evaluate-effects}: fits the effect learner and its yardsticks on every history of the
 * {@link TestHistories} family and judges them on fresh clients against the truth
 * ({@link HistoryEvaluation}); prints one table per history, the per-option details and the
 * issue's targets, and optionally writes everything as JSON.
 */
final class EvaluateEffectsCommand implements Command {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The oracle-share target applies to histories at least this large. */
    static final int LARGE_HISTORY = 20_000;

    @Override
    public String name() {
        return "evaluate-effects";
    }

    @Override
    public String summary() {
        return "judge the effect learner against the truth on a family of simulated histories";
    }

    @Override
    public String usage() {
        return """
                usage: evaluate-effects [--histories a,b,...] [--size N] [--held-out N] [--seed N]
                                        [--json FILE] [--all-distance-candidates]

                  --histories                which histories (default all): %s
                  --size                     clients per history (default each history's own: %s)
                  --held-out                 fresh clients per history everything is judged on (default 10000)
                  --seed                     seed of the histories and the learners (default 20261125)
                  --json                     also write every number as JSON to this file
                  --all-distance-candidates  select the distance model (the baseline chance effects are asked with)
                                             among all of the trainer's candidates, not only the linear one (slow)

                Per history and learner (the effect learner, a T-learner, the literature prior alone, and a
                ceiling handed the true effect modifiers), at 12 and 24 months: the share of the oracle's gain
                reached by following the top recommendation, how many options' 95 %% interval of the average
                effect covers the true one, PEHE (pp) and the share of client intervals covering the true effect.
                """.formatted(String.join(", ", TestHistories.ALL.stream().map(TestHistory::name).toList()),
                String.join(", ", TestHistories.ALL.stream().map(h -> h.name() + " " + h.defaultSize()).toList()));
    }

    @Override
    public Set<String> valued() {
        return Set.of("--histories", "--size", "--held-out", "--seed", "--json");
    }

    @Override
    public Set<String> flags() {
        return Set.of("--all-distance-candidates");
    }

    @Override
    public int execute(Options options, PrintStream out, PrintStream err) throws CommandException, IOException {
        List<TestHistory> histories = histories(options.get("--histories", ""));
        int size = options.getInt("--size", 0);
        int heldOut = options.getInt("--held-out", 10_000);
        if (size < 0 || (size > 0 && size < 500)) {
            throw new CommandException("--size must be at least 500", true);
        }
        if (heldOut < 100) {
            throw new CommandException("--held-out must be at least 100", true);
        }
        long seed = options.getLong("--seed", TrainModelsCommand.DEFAULT_SEED);
        HistoryEvaluation.Settings settings = new HistoryEvaluation.Settings(size, heldOut, seed,
                options.has("--all-distance-candidates"));
        long start = System.nanoTime();
        List<Result> results = new ArrayList<>();
        for (TestHistory history : histories) {
            Result result = HistoryEvaluation.evaluate(history, settings, EffectModelTrainer.Settings.standard(seed));
            results.add(result);
            print(result, out);
            out.flush();
        }
        printTargets(results, out);
        out.printf(Locale.ROOT, "%ntotal %.0f s on %d cores%n", (System.nanoTime() - start) / 1e9,
                Runtime.getRuntime().availableProcessors());
        String json = options.get("--json", "");
        if (!json.isBlank()) {
            JSON.writeValue(Path.of(json).toFile(), results);
            out.println("wrote " + json);
        }
        return 0;
    }

    private static List<TestHistory> histories(String names) throws CommandException {
        if (names.isBlank()) {
            return TestHistories.ALL;
        }
        List<TestHistory> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            chosen.add(TestHistories.byName(name.trim()).orElseThrow(() -> new CommandException("unknown history '"
                    + name.trim() + "'", true)));
        }
        return chosen;
    }

    static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%n== %s: %s%n   %,d clients learned from, %,d fresh clients judged on, seed %d, "
                + "distance model %s, %.0f s%n%n", r.history(), r.summary(), r.historyClients(), r.heldOutClients(), r.seed(),
                r.distanceModel(), r.seconds());
        out.printf(Locale.ROOT, "%-26s %6s | %-36s | %-36s%n", "", "", "12 months", "24 months");
        out.printf(Locale.ROOT, "%-26s %6s | %s | %s%n", "learner", "fit s", HEADER, HEADER);
        for (LearnerResult l : r.learners()) {
            out.printf(Locale.ROOT, "%-26s %6.1f | %s | %s%n", l.learner(), l.fitSeconds(), cells(l.at(12)), cells(l.at(24)));
        }
        for (int h : HistoryEvaluation.HORIZONS) {
            out.printf(Locale.ROOT, "%n   %d months, per option: true average effect, %s's average [95 %% interval] (* = covers), "
                    + "PEHE per learner (pp), client coverage, off support%n", h, HistoryEvaluation.LEARNER);
            out.printf(Locale.ROOT, "   %-26s %7s %-26s", "option", "true", "average [interval]");
            for (LearnerResult l : r.learners()) {
                out.printf(Locale.ROOT, " %9s", abbreviate(l.learner()));
            }
            out.printf(Locale.ROOT, " %7s %6s%n", "covers", "off");
            List<OptionResult> learner = r.learner(HistoryEvaluation.LEARNER).at(h).perOption();
            for (int o = 0; o < learner.size(); o++) {
                OptionResult option = learner.get(o);
                out.printf(Locale.ROOT, "   %-26s %7.2f %-26s", option.intervention(), option.trueAverage(), interval(option));
                for (LearnerResult l : r.learners()) {
                    out.printf(Locale.ROOT, " %9s", number(l.at(h).perOption().get(o).pehe(), 2));
                }
                out.printf(Locale.ROOT, " %7s %6s%n", number(option.clientCoverage(), 3), number(option.offSupportShare(), 3));
            }
        }
    }

    private static final String HEADER = String.format(Locale.ROOT, "%6s %7s %6s %6s %7s", "gain", "of orc.", "ATE", "PEHE",
            "cl.cov");

    private static String cells(HorizonResult h) {
        String ate = h.averagesStated() == 0 ? "-" : h.averagesCovered() + "/" + h.averagesStated();
        return String.format(Locale.ROOT, "%6.2f %7.3f %6s %6s %7s", h.gain(), h.shareOfOracle(), ate, number(h.pehe(), 2),
                number(h.clientCoverage(), 3));
    }

    private static String interval(OptionResult o) {
        if (Double.isNaN(o.average())) {
            return "-";
        }
        String text = Double.isNaN(o.averageLower()) ? String.format(Locale.ROOT, "%.2f", o.average())
                : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", o.average(), o.averageLower(), o.averageUpper());
        return text + (Boolean.TRUE.equals(o.averageCovered()) ? " *" : "");
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String abbreviate(String learner) {
        return learner.length() <= 9 ? learner : learner.substring(0, 9);
    }

    /** The targets, reported as measured: met or not, with the numbers. */
    static void printTargets(List<Result> results, PrintStream out) {
        out.printf(Locale.ROOT, "%n== targets (%s)%n", HistoryEvaluation.LEARNER);
        int covered = 0;
        int stated = 0;
        for (Result r : results) {
            LearnerResult learner = r.learner(HistoryEvaluation.LEARNER);
            LearnerResult prior = r.learner(HistoryEvaluation.PRIOR);
            for (HorizonResult h : learner.horizons()) {
                covered += h.averagesCovered();
                stated += h.averagesStated();
            }
            if (r.historyClients() >= LARGE_HISTORY) {
                double worst = Math.min(learner.at(12).shareOfOracle(), learner.at(24).shareOfOracle());
                out.printf(Locale.ROOT, "  %-15s share of the oracle's gain >= 0.90: %s (12 months %.3f, 24 months %.3f)%n",
                        r.history(), worst >= 0.90 ? "met" : "NOT met", learner.at(12).shareOfOracle(),
                        learner.at(24).shareOfOracle());
            }
            HorizonResult l24 = learner.at(24);
            HorizonResult p24 = prior.at(24);
            out.printf(Locale.ROOT, "  %-15s 24 months no worse than the prior alone: %s (gain %.2f vs %.2f pp, PEHE %s vs %s)%n",
                    r.history(), l24.gain() >= p24.gain() ? "met" : "NOT met", l24.gain(), p24.gain(), number(l24.pehe(), 2),
                    number(p24.pehe(), 2));
        }
        out.printf(Locale.ROOT, "  true average effect covered for >= 90 %% of options (both horizons, all histories): %s "
                + "(%d of %d, %.0f %%)%n", stated > 0 && covered >= 0.9 * stated ? "met" : "NOT met", covered, stated,
                stated == 0 ? 0 : 100.0 * covered / stated);
    }
}
