package nl.trede.core.effects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.ArmSummary;
import nl.trede.core.causal.CausalData;
import nl.trede.core.causal.CausalFit;
import nl.trede.core.causal.DoublyRobustEstimator;
import nl.trede.core.causal.LogisticModel;
import nl.trede.core.causal.Prior;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.training.TrainingData;
import nl.trede.core.training.TrainingRecord;

/**
 * Fits the {@link LearnedEffectModel} on any {@link TrainingData}: per intervention and horizon, on
 * the records whose intake makes them eligible for it and whose outcome at that horizon is known, a
 * DR-learner with arms "nothing given" (control), "only this intervention" and "anything else"
 * (another intervention, or this one combined with others). The assignment is modelled as the
 * klantmanager's choice given the profile and, where recorded, the advice shown (in the propensity
 * model only); known assignment probabilities replace estimated ones. Deterministic for the same records and
 * settings. How well it does is judged elsewhere, on data the trainer never sees
 * ({@code nl.trede.core.groundtruth} for the synthetic population).
 */
public final class EffectModelTrainer {

    public static final int[] HORIZONS = {12, 24};

    /**
     * @param seed           seeds the cross-fitting folds; {@code train-models} also draws the synthetic
     *                       history with {@link #historySeed()} and the held-out population with
     *                       {@link #heldOutSeed()}
     * @param historyClients size of the synthetic history {@code train-models} learns from (and the card names)
     * @param heldOutClients size of the fresh synthetic population the card's client-level results are measured on
     * @param population     how {@code train-models} generates both
     * @param finalLambda12  ridge penalty of the 12-month DR-learners' final stage (standardised columns;
     *                       the literature prior and the baseline chance get a light penalty of 1)
     * @param finalLambda24  the same at 24 months
     * @param threads        interventions fitted in parallel (results do not depend on it)
     * @param folds          cross-fitting folds of the DR-learners (5 for the shipped model; fewer is faster on small data)
     */
    public record Settings(long seed, int historyClients, int heldOutClients, String version,
                           PopulationGenerator.Settings population, double finalLambda12, double finalLambda24, int threads,
                           boolean priorUnpenalised, int folds) {

        public static Settings standard(long seed) {
            return new Settings(seed, 50_000, 10_000, "effects-1.1.0", PopulationGenerator.Settings.defaults(), 20_000, 5_000, 2, true,
                    DoublyRobustEstimator.Settings.defaults().folds());
        }

        public long historySeed() {
            return seed + 1;
        }

        public long heldOutSeed() {
            return seed + 2;
        }

        public DoublyRobustEstimator.Settings estimator(int horizonMonths) {
            double finalLambda = horizonMonths >= 24 ? finalLambda24 : finalLambda12;
            DoublyRobustEstimator.Settings d = DoublyRobustEstimator.Settings.defaults();
            return new DoublyRobustEstimator.Settings(folds, seed, d.propensityClip(), d.supportAbsolute(),
                    d.supportRelative(), d.propensityLambda(), d.outcomeLambda(), finalLambda);
        }
    }

    /**
     * The fitted model and, per intervention and horizon, the fit it came from; and the interventions
     * the history holds too few clients of to learn from, for which the model states the literature prior.
     */
    public record Fit(LearnedEffectModel model, List<ArmFit> arms, List<ThinArm> thin) {
    }

    /**
     * An intervention at a horizon with too few clients in an arm to learn from (fewer than {@code minimum}
     * got nothing, or got only it, or got anything else, among those eligible with a known outcome).
     */
    public record ThinArm(int horizon, Intervention intervention, int eligible, int control, int treated, int other, int minimum)
            implements ArmOutcome {
    }

    /**
     * One intervention at one horizon.
     *
     * @param eligible      records eligible for the intervention with a known outcome at the horizon
     * @param treated       of those, the records that got only this intervention
     * @param priorWidening the sd added to the literature prior's because this history's average effect contradicts it
     *                      ({@link #priorWidening}); 0 where they agree within their uncertainties
     */
    public record ArmFit(int horizon, Intervention intervention, int eligible, int treated, double priorWidening, CausalFit fit)
            implements ArmOutcome {
    }

    /** What became of one intervention at one horizon: fitted, or too thin to fit. */
    public sealed interface ArmOutcome permits ArmFit, ThinArm {
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
        LogisticModel baseline = baseline(records);
        boolean adviceRecorded = records.stream().anyMatch(r -> r.advised().isPresent());
        boolean designKnown = designKnown(records);
        List<ArmOutcome> outcomes = fitAll(records, baseline, adviceRecorded, designKnown);
        List<ArmFit> fits = outcomes.stream().filter(ArmFit.class::isInstance).map(ArmFit.class::cast).toList();
        List<ThinArm> thin = outcomes.stream().filter(ThinArm.class::isInstance).map(ThinArm.class::cast).toList();
        List<LearnedEffectModel.ArmModel> stored = new ArrayList<>();
        for (ArmFit f : fits) {
            stored.add(new LearnedEffectModel.ArmModel(f.horizon(), f.intervention().code(), f.eligible(), f.treated(),
                    f.priorWidening(), f.fit().model().state()));
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("history", data.description());
        provenance.put("estimator12", settings.estimator(12).toString());
        provenance.put("estimator24", settings.estimator(24).toString());
        provenance.put("design", "per intervention: clients eligible for it; arms NONE (control), the intervention, OTHER");
        if (adviceRecorded) { // only then: a history without advice (the shipped model's) keeps its provenance as it was
            provenance.put("assignment", "the klantmanager's choice given the profile and the top recommendation shown "
                    + "(in the propensity model only)");
        }
        if (designKnown) {
            provenance.put("knownPropensities", "every record was drawn by design: its known probability replaces the estimate");
        }
        LearnedEffectModel model = new LearnedEffectModel(new LearnedEffectModel.Stored(LearnedEffectModel.FORMAT,
                settings.version(), EffectFeatures.VERSION, provenance, baseline, stored));
        return new Fit(model, fits, thin);
    }

    /**
     * P(work within 12 months | intake) among the records in which nothing was given and the
     * 12-month outcome is known (when the choice depended on the intake only, this is the chance without help).
     */
    private LogisticModel baseline(List<TrainingRecord> records) {
        List<TrainingRecord> none = records.stream().filter(r -> r.gotNothing() && r.within12().known()).toList();
        double[][] x = new double[none.size()][];
        boolean[] worked = new boolean[none.size()];
        for (int i = 0; i < none.size(); i++) {
            x[i] = features.baseDesign(none.get(i).profile());
            worked[i] = none.get(i).within12().worked();
        }
        return LogisticModel.fit(x, worked, 1.0);
    }

    /** Per intervention and horizon, in catalogue order: its {@link ArmFit}, or the {@link ThinArm} it could not be fitted as. */
    private List<ArmOutcome> fitAll(List<TrainingRecord> records, LogisticModel baseline, boolean adviceRecorded, boolean designKnown) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()));
        try {
            List<Future<ArmOutcome>> futures = new ArrayList<>();
            for (int h : HORIZONS) {
                for (Intervention intervention : catalogue.interventions()) {
                    if (!intervention.isNone()) {
                        futures.add(pool.submit(() -> fit(records, baseline, intervention, h, adviceRecorded, designKnown)));
                    }
                }
            }
            List<ArmOutcome> fits = new ArrayList<>();
            for (Future<ArmOutcome> future : futures) {
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

    /**
     * The data set of one intervention at one horizon: the eligible records, by their recorded intake,
     * with a known outcome. The klantmanager's choice is modelled as depending on the profile and, where
     * the history recorded it, the top recommendation shown (this intervention, nothing, or another):
     * an assignment feature, which the propensity model adjusts for and no outcome model sees. Known
     * probabilities are used only when every record was drawn by design ({@link #designKnown}), and then
     * only for nothing or only this intervention: a record in OTHER gets none, because the drawn
     * option's probability is not the probability of OTHER.
     */
    private CausalData data(List<TrainingRecord> records, LogisticModel baseline, Intervention intervention, int h,
                            boolean adviceRecorded, boolean designKnown) {
        List<double[]> x = new ArrayList<>();
        List<double[]> advised = new ArrayList<>();
        List<Integer> arm = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> known = new ArrayList<>();
        for (TrainingRecord r : records) {
            IntakeProfile profile = r.profile();
            if (!intervention.eligibility().admits(profile) || !r.outcome(h).known()) {
                continue;
            }
            x.add(features.encode(profile, baseline.probability(features.baseDesign(profile)),
                    prior.estimate(profile, intervention, h).pointEstimate() / 100));
            advised.add(adviceRecorded ? advised(r, intervention) : new double[0]);
            int a = r.gotNothing() ? 0 : r.gotOnly(intervention.code()) ? 1 : 2;
            arm.add(a);
            y.add(r.outcome(h).worked() ? 1.0 : 0.0);
            known.add(designKnown && a < 2 ? r.knownPropensity().getAsDouble() : Double.NaN);
        }
        return new CausalData(x.toArray(double[][]::new), features.columnNames(),
                arm.stream().mapToInt(Integer::intValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray(),
                List.of(LearnedEffectModel.CONTROL, intervention.code(), LearnedEffectModel.OTHER),
                advised.toArray(double[][]::new), known.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Whether every record's assignment was drawn with a known probability. In a history where only
     * some were drawn, a drawn record's design probability is not its chance of that option given its
     * profile (whether it was drawn is no feature), so there every propensity is estimated: used
     * there, the known ones cost the shipped learner 1.2 points of the oracle's gain (90.3 to 89.1 %).
     */
    private static boolean designKnown(List<TrainingRecord> records) {
        return !records.isEmpty() && records.stream().allMatch(r -> r.knownPropensity().isPresent());
    }

    /** Indicators of the top recommendation shown: this intervention, nothing, another one (all 0: not recorded). */
    private static double[] advised(TrainingRecord r, Intervention intervention) {
        String code = r.advised().orElse(null);
        return new double[] {intervention.code().equals(code) ? 1 : 0, Intervention.NONE.equals(code) ? 1 : 0,
                code != null && !code.equals(intervention.code()) && !code.equals(Intervention.NONE) ? 1 : 0};
    }

    private ArmOutcome fit(List<TrainingRecord> records, LogisticModel baseline, Intervention intervention, int h,
                       boolean adviceRecorded, boolean designKnown) {
        CausalData data = data(records, baseline, intervention, h, adviceRecorded, designKnown);
        int minimum = settings.estimator(h).minimumArmSize();
        int[] sizes = data.armSizes();
        if (Arrays.stream(sizes).anyMatch(size -> size < minimum)) {
            return new ThinArm(h, intervention, data.size(), sizes[0], sizes[1], sizes[2], minimum);
        }
        CausalFit fit = new DoublyRobustEstimator(settings.estimator(h)).fit(data, features.effectModifierColumns(),
                settings.priorUnpenalised() ? new int[] {features.columnNames().indexOf(EffectFeatures.PRIOR_COLUMN),
                        features.columnNames().indexOf(EffectFeatures.BASELINE_COLUMN)} : new int[0], features.termCandidates(), 1);
        return new ArmFit(h, intervention, data.size(), sizes[1], priorWidening(records, intervention, h, fit.arm(1)), fit);
    }

    /**
     * How far this history contradicts the literature on an intervention's average effect: an empirical-Bayes
     * check of the prior against the data (no ground truth involved). Over the records the average effect
     * was estimated on, the literature states a mean {@code p} with sd {@code s}; the data say {@code ate}
     * with standard error {@code se}. If the literature were right about this municipality, {@code
     * (ate - p)^2} would average {@code se^2 + s^2}; what it exceeds that by is the method-of-moments
     * estimate of the variance the prior misses, {@code tau^2 = max(0, (ate - p)^2 - se^2 - s^2)}, and the
     * prior's sd becomes {@code sqrt(s^2 + tau^2)}. Where they agree, tau is 0 and the prior keeps its weight;
     * where the data contradict it (a programme that works differently here), the data decide.
     */
    private double priorWidening(List<TrainingRecord> records, Intervention intervention, int h, ArmSummary average) {
        double mean = 0;
        double variance = 0;
        int n = 0;
        for (TrainingRecord r : records) {
            if (intervention.eligibility().admits(r.profile()) && r.outcome(h).known()) {
                Prior stated = prior.prior(r.profile(), intervention, h);
                mean += stated.mean();
                variance += stated.sd() * stated.sd();
                n++;
            }
        }
        double deviation = average.ate() - mean / n;
        return Math.sqrt(Math.max(0, deviation * deviation - average.ateSe() * average.ateSe() - variance / n));
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
