package nl.trede.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import nl.trede.core.distance.DistanceModelTrainer;
import nl.trede.core.distance.ModelCard;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.effects.EffectModelCard;
import nl.trede.core.effects.EffectModelFiles;
import nl.trede.core.effects.EffectModelTrainer;
import nl.trede.core.synth.PopulationGenerator;

/**
 * {@code train-models [--seed N] [--out DIR] [--version V] [--training N] [--held-out N]
 * [--effect-version V] [--effect-history N] [--effect-held-out N]}: regenerates every shipped model
 * from the synthetic population with the given seed: the distance model and the learned effect model
 * (fitted on a simulated cream-skimmed history of 50,000 clients), each with its model card (JSON
 * and Markdown) and its registry entry. Same seed, same metrics.
 * Framework-free so the service's main, the tests and a plain {@code java} call share it.
 */
public final class TrainModelsCommand {

    public static final long DEFAULT_SEED = 20261125L;
    private static final String USAGE =
            "usage: train-models [--seed N] [--out DIR] [--version V] [--training N] [--held-out N]"
                    + " [--effect-version V] [--effect-history N] [--effect-held-out N]";

    private TrainModelsCommand() {
    }

    /** Runs the command; returns the process exit code (0 ok, 2 bad arguments, 1 failure). */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        DistanceModelTrainer.Settings settings;
        EffectModelTrainer.Settings effects;
        Path dir;
        try {
            Options options = new Options(args, Set.of("--seed", "--out", "--version", "--training", "--held-out",
                    "--effect-version", "--effect-history", "--effect-held-out"), Set.of());
            DistanceModelTrainer.Settings standard = DistanceModelTrainer.Settings.standard(DEFAULT_SEED);
            settings = new DistanceModelTrainer.Settings(options.getLong("--seed", standard.seed()),
                    options.getInt("--training", standard.trainingClients()),
                    options.getInt("--held-out", standard.heldOutClients()),
                    options.get("--version", standard.version()), PopulationGenerator.Settings.defaults());
            dir = Path.of(options.get("--out", "models"));
            EffectModelTrainer.Settings standardEffects = EffectModelTrainer.Settings.standard(settings.seed());
            effects = new EffectModelTrainer.Settings(settings.seed(),
                    options.getInt("--effect-history", standardEffects.historyClients()),
                    options.getInt("--effect-held-out", standardEffects.heldOutClients()),
                    options.get("--effect-version", standardEffects.version()), standardEffects.population(),
                    standardEffects.finalLambda12(), standardEffects.finalLambda24(), standardEffects.threads(),
                    standardEffects.priorUnpenalised());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            long start = System.nanoTime();
            ModelCard card = ModelFiles.publish(dir, new DistanceModelTrainer().train(settings));
            ModelCard.HeldOut h = card.heldOut();
            out.printf(Locale.ROOT, "%s (%s): held-out AUC %.4f (Bayes-optimal %.4f), ECE %.4f; wrote %s in %.0f s%n",
                    card.modelVersion(), card.chosenCandidate(), h.auc(), h.bayesOptimalAuc(), h.expectedCalibrationError(),
                    dir, (System.nanoTime() - start) / 1e9);
            long effectStart = System.nanoTime();
            EffectModelTrainer.Result result = new EffectModelTrainer().train(effects);
            EffectModelCard effectCard = EffectModelFiles.publish(dir, effects, result, "java -jar "
                    + "target/quarkus-app/quarkus-run.jar train-models --seed " + effects.seed() + " --out models");
            long covered = effectCard.arms().stream().filter(a -> a.horizonMonths() == 12 && a.ateCovered()).count();
            long arms = effectCard.arms().stream().filter(a -> a.horizonMonths() == 12).count();
            out.printf(Locale.ROOT, "%s: 12-month ATE covered for %d of %d interventions", effectCard.modelVersion(), covered, arms);
            for (EffectModelCard.PolicyResult p : effectCard.policy()) {
                out.printf(Locale.ROOT, "; %d months: recommended %.1f %% of the oracle's gain, PEHE %.2f pp (T-learner %.2f)",
                        p.horizonMonths(), 100 * p.recommendedShareOfOracle(), p.peheBlend(), p.peheTLearner());
            }
            out.printf(Locale.ROOT, "; wrote %s in %.0f s%n", dir, (System.nanoTime() - effectStart) / 1e9);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("train-models failed: " + e);
            return 1;
        }
    }
}
