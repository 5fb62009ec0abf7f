package nl.trede.cli;

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
import nl.trede.core.groundtruth.DistanceEvaluation;
import nl.trede.core.groundtruth.EffectEvaluation;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SyntheticPopulation;

/**
 * {@code train-models}: regenerates every shipped model from the synthetic population with the
 * given seed: the distance model and the learned effect model (fitted on a simulated cream-skimmed
 * history of 50,000 clients), each with its model card (JSON and Markdown) and its registry entry.
 * Same seed, same metrics.
 */
final class TrainModelsCommand implements Command {

    static final long DEFAULT_SEED = 20261125L;

    @Override
    public String name() {
        return "train-models";
    }

    @Override
    public String summary() {
        return "train the distance and effect models on the synthetic population, with their cards";
    }

    @Override
    public String usage() {
        return """
                usage: train-models [--seed N] [--out DIR] [--version V] [--training N] [--held-out N]
                                    [--effect-version V] [--effect-history N] [--effect-held-out N]

                  --seed             seed of the synthetic population and the trainers (default 20261125)
                  --out              models directory to write into (default models)
                  --version          distance model version without the kind (default 1.0.0)
                  --training         clients for fitting, validating and calibrating the distance model (default 60000)
                  --held-out         further clients the distance model's card is measured on (default 50000)
                  --effect-version   effect model version (default effects-1.1.0)
                  --effect-history   clients in the simulated history the effect model learns from (default 50000)
                  --effect-held-out  clients the effect model's card is measured on (default 10000)
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("--seed", "--out", "--version", "--training", "--held-out", "--effect-version",
                "--effect-history", "--effect-held-out");
    }

    @Override
    public int execute(Options options, PrintStream out, PrintStream err) throws CommandException, IOException {
        long seed = options.getLong("--seed", DEFAULT_SEED);
        int training = options.getInt("--training", 60_000);
        int heldOut = options.getInt("--held-out", 50_000);
        Path dir = Path.of(options.get("--out", "models"));
        EffectModelTrainer.Settings standardEffects = EffectModelTrainer.Settings.standard(seed);
        EffectModelTrainer.Settings effects = new EffectModelTrainer.Settings(seed,
                options.getInt("--effect-history", standardEffects.historyClients()),
                options.getInt("--effect-held-out", standardEffects.heldOutClients()),
                options.get("--effect-version", standardEffects.version()), standardEffects.population(),
                standardEffects.finalLambda12(), standardEffects.finalLambda24(), standardEffects.threads(),
                standardEffects.priorUnpenalised(), standardEffects.folds());

        // Train on the synthetic population's observed history only; its truth is read afterwards, to judge.
        long start = System.nanoTime();
        SyntheticPopulation population = new PopulationGenerator().generate(training + heldOut, seed);
        DistanceModelTrainer.Fit distance = new DistanceModelTrainer(seed, options.get("--version", "1.0.0"))
                .fit(population.slice(0, training).trainingData());
        ModelCard card = ModelFiles.publish(dir, DistanceEvaluation.evaluate(distance, population, training));
        ModelCard.HeldOut h = card.heldOut();
        out.printf(Locale.ROOT, "%s (%s): held-out AUC %.4f (Bayes-optimal %.4f), ECE %.4f; wrote %s in %.0f s%n",
                card.modelVersion(), card.chosenCandidate(), h.auc(), h.bayesOptimalAuc(), h.expectedCalibrationError(),
                dir, (System.nanoTime() - start) / 1e9);
        long effectStart = System.nanoTime();
        PopulationGenerator generator = new PopulationGenerator(effects.population());
        SyntheticPopulation history = generator.generate(effects.historyClients(), effects.historySeed());
        EffectModelTrainer.Fit fit = new EffectModelTrainer(effects).fit(history.trainingData());
        EffectModelTrainer.Result result = EffectEvaluation.evaluate(fit, history,
                generator.generate(effects.heldOutClients(), effects.heldOutSeed()));
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
    }
}
