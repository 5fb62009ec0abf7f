package nl.trede.core.effects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.CausalData;
import nl.trede.core.causal.CausalFit;
import nl.trede.core.causal.DoublyRobustEstimator;
import nl.trede.core.causal.LogisticModel;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.training.TrainingData;
import nl.trede.core.training.TrainingRecord;

/**
 * Fits the {@link LearnedEffectModel} on any {@link TrainingData}: per intervention and horizon, on
 * the records whose intake makes them eligible for it and whose outcome at that horizon is known, a
 * DR-learner with arms "nothing given" (control), "only this intervention" and "anything else"
 * (another intervention, or this one combined with others). Deterministic for the same records and
 * settings. How well it does is judged elsewhere, on data the trainer never sees
 * ({@code nl.trede.core.groundtruth} for the synthetic population).
 */
public final class EffectModelTrainer {

    public static final int[] HORIZONS = {12, 24};

    /**
     * @param seed           seeds the cross-fitting folds, the trees and the bootstrap; {@code train-models}
     *                       also draws the synthetic history with {@link #historySeed()} and the held-out
     *                       population with {@link #heldOutSeed()}
     * @param historyClients size of the synthetic history {@code train-models} learns from (and the card names)
     * @param heldOutClients size of the fresh synthetic population the card's client-level results are measured on
     * @param population     how {@code train-models} generates both
     * @param threads        interventions fitted in parallel (results do not depend on it)
     * @param nuisance       which nuisance models may be chosen (SELECTED: by cross-validated loss)
     * @param finalStage     which final stages may be chosen (SELECTED: by cross-validated DR loss;
     *                       LINEAR gives the linear DR-learner, for comparison)
     */
    public record Settings(long seed, int historyClients, int heldOutClients, String version,
                           PopulationGenerator.Settings population, int threads,
                           DoublyRobustEstimator.Choice nuisance, DoublyRobustEstimator.Choice finalStage) {

        public static Settings standard(long seed) {
            return new Settings(seed, 50_000, 10_000, "effects-2.0.0", PopulationGenerator.Settings.defaults(), 2,
                    DoublyRobustEstimator.Choice.SELECTED, DoublyRobustEstimator.Choice.SELECTED);
        }

        public long historySeed() {
            return seed + 1;
        }

        public long heldOutSeed() {
            return seed + 2;
        }

        /** The same settings with the final stage forced (or left to the selection). */
        public Settings withFinalStage(DoublyRobustEstimator.Choice choice) {
            return new Settings(seed, historyClients, heldOutClients, version, population, threads, nuisance, choice);
        }

        /** The same settings with the nuisance models forced (or left to the selection). */
        public Settings withNuisance(DoublyRobustEstimator.Choice choice) {
            return new Settings(seed, historyClients, heldOutClients, version, population, threads, choice, finalStage);
        }

        public DoublyRobustEstimator.Settings estimator() {
            return DoublyRobustEstimator.Settings.defaults().withSeed(seed).withNuisance(nuisance).withFinalStage(finalStage);
        }
    }

    /** The fitted model and, per intervention and horizon, the fit it came from. */
    public record Fit(LearnedEffectModel model, List<ArmFit> arms) {
    }

    /**
     * One intervention at one horizon.
     *
     * @param eligible records eligible for the intervention with a known outcome at the horizon
     * @param treated  of those, the records that got only this intervention
     */
    public record ArmFit(int horizon, Intervention intervention, int eligible, int treated, CausalFit fit) {
    }

    /** The fitted model with its results against a known truth: what its card reports. */
    public record Result(LearnedEffectModel model, List<EffectModelCard.ArmResult> arms,
                         List<EffectModelCard.PolicyResult> policy) {
    }

    private final Catalogue catalogue = Catalogue.STARTING;
    private final EffectFeatures features = new EffectFeatures();
    private final PriorEffectModel prior = new PriorEffectModel();
    private final Settings settings;

    public EffectModelTrainer(Settings settings) {
        this.settings = settings;
    }

    public Fit fit(TrainingData data) {
        List<TrainingRecord> records = data.records();
        LogisticModel baseline = baseline(records, i -> true);
        double[] crossFitted = crossFittedBaseline(records);
        List<ArmFit> fits = fitAll(records, crossFitted);
        List<LearnedEffectModel.ArmModel> stored = new ArrayList<>();
        for (ArmFit f : fits) {
            stored.add(new LearnedEffectModel.ArmModel(f.horizon(), f.intervention().code(), f.eligible(), f.treated(),
                    f.fit().model().state()));
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("history", data.description());
        provenance.put("estimator", settings.estimator().toString());
        provenance.put("design", "per intervention: clients eligible for it; arms NONE (control), the intervention, OTHER");
        LearnedEffectModel model = new LearnedEffectModel(new LearnedEffectModel.Stored(LearnedEffectModel.FORMAT,
                settings.version(), EffectFeatures.VERSION, provenance, baseline, stored));
        return new Fit(model, List.copyOf(fits));
    }

    /**
     * P(work within 12 months | intake) among the records in which nothing was given and the
     * 12-month outcome is known (when the choice depended on the intake only, this is the chance
     * without help), fitted on the records that pass {@code use}.
     */
    private LogisticModel baseline(List<TrainingRecord> records, java.util.function.IntPredicate use) {
        List<TrainingRecord> none = java.util.stream.IntStream.range(0, records.size()).filter(use)
                .mapToObj(records::get).filter(r -> r.gotNothing() && r.within12().known()).toList();
        double[][] x = new double[none.size()][];
        boolean[] worked = new boolean[none.size()];
        for (int i = 0; i < none.size(); i++) {
            x[i] = features.baseDesign(none.get(i).profile());
            worked[i] = none.get(i).within12().worked();
        }
        return LogisticModel.fit(x, worked, 1.0);
    }

    /**
     * Every record's baseline chance from a model fitted on the other folds' records, so that no
     * record's baseline column saw its own outcome.
     */
    private double[] crossFittedBaseline(List<TrainingRecord> records) {
        int folds = settings.estimator().folds();
        double[] result = new double[records.size()];
        for (int f = 0; f < folds; f++) {
            int current = f;
            LogisticModel model = baseline(records, i -> fold(i, folds) != current);
            for (int i = 0; i < records.size(); i++) {
                if (fold(i, folds) == current) {
                    result[i] = model.probability(features.baseDesign(records.get(i).profile()));
                }
            }
        }
        return result;
    }

    private int fold(int record, int folds) {
        return (int) Math.floorMod(new java.util.SplittableRandom(settings.seed() ^ (record * 0x9E3779B97F4A7C15L)).nextLong(), folds);
    }

    private List<ArmFit> fitAll(List<TrainingRecord> records, double[] baseline) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()));
        try {
            List<Future<ArmFit>> futures = new ArrayList<>();
            for (int h : HORIZONS) {
                for (Intervention intervention : catalogue.interventions()) {
                    if (!intervention.isNone()) {
                        futures.add(pool.submit(() -> fit(records, baseline, intervention, h)));
                    }
                }
            }
            List<ArmFit> fits = new ArrayList<>();
            for (Future<ArmFit> future : futures) {
                fits.add(future.get());
            }
            return fits;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting effect models", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("fitting an effect model failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One intervention at one horizon: the eligible records with a known outcome, their priors and ids. */
    private record ArmData(CausalData data, double[][] prior, long[] ids) {
    }

    /** The data set of one intervention at one horizon: the eligible records, by their recorded intake, with a known outcome. */
    private ArmData data(List<TrainingRecord> records, double[] baseline, Intervention intervention, int h) {
        List<double[]> x = new ArrayList<>();
        List<double[]> priors = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Integer> arm = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            TrainingRecord r = records.get(i);
            IntakeProfile profile = r.profile();
            if (!intervention.eligibility().admits(profile) || !r.outcome(h).known()) {
                continue;
            }
            x.add(features.encode(profile, baseline[i]));
            priors.add(new double[] {0, prior.estimate(profile, intervention, h).pointEstimate() / 100, 0});
            ids.add((long) i);
            arm.add(r.gotNothing() ? 0 : r.gotOnly(intervention.code()) ? 1 : 2);
            y.add(r.outcome(h).worked() ? 1.0 : 0.0);
        }
        CausalData data = new CausalData(x.toArray(double[][]::new), features.columnNames(),
                arm.stream().mapToInt(Integer::intValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray(),
                List.of(LearnedEffectModel.CONTROL, intervention.code(), LearnedEffectModel.OTHER));
        return new ArmData(data, priors.toArray(double[][]::new), ids.stream().mapToLong(Long::longValue).toArray());
    }

    private ArmFit fit(List<TrainingRecord> records, double[] baseline, Intervention intervention, int h) {
        ArmData d = data(records, baseline, intervention, h);
        CausalFit fit = new DoublyRobustEstimator(settings.estimator()).fit(d.data(),
                new DoublyRobustEstimator.Design(features.effectModifierColumns(), d.prior(), new int[] {1}, d.ids()));
        return new ArmFit(h, intervention, d.data().size(), d.data().armSizes()[1], fit);
    }

    /** A probability difference in percentage points, as the card states it (three decimals). */
    public static double pp(double probabilityDifference) {
        return round(100 * probabilityDifference, 3);
    }

    public static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }
}
