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
import nl.trede.core.causal.ArmSummary;
import nl.trede.core.causal.CausalData;
import nl.trede.core.causal.CausalFit;
import nl.trede.core.causal.DoublyRobustEstimator;
import nl.trede.core.causal.LogisticModel;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;

/**
 * Fits the {@link LearnedEffectModel} on a simulated, cream-skimmed history and measures it against
 * the simulation's ground truth (for its {@link EffectModelCard}). Deterministic for a seed.
 */
public final class EffectModelTrainer {

    public static final int[] HORIZONS = {12, 24};

    /**
     * @param seed           the history is generated with {@code seed + 1}, the held-out population with {@code seed + 2}
     * @param finalLambda12  ridge penalty of the 12-month DR-learners' final stage (standardised columns;
     *                       the literature prior and the baseline chance get a light penalty of 1)
     * @param finalLambda24  the same at 24 months
     * @param threads        interventions fitted in parallel (results do not depend on it)
     */
    public record Settings(long seed, int historyClients, int heldOutClients, String version,
                           PopulationGenerator.Settings population, double finalLambda12, double finalLambda24, int threads,
                           boolean priorUnpenalised) {

        public static Settings standard(long seed) {
            return new Settings(seed, 50_000, 10_000, "effects-1.0.0", PopulationGenerator.Settings.defaults(), 20_000, 5_000, 2, true);
        }

        public DoublyRobustEstimator.Settings estimator(int horizonMonths) {
            double finalLambda = horizonMonths >= 24 ? finalLambda24 : finalLambda12;
            DoublyRobustEstimator.Settings d = DoublyRobustEstimator.Settings.defaults();
            return new DoublyRobustEstimator.Settings(d.folds(), seed, d.propensityClip(), d.supportAbsolute(),
                    d.supportRelative(), d.propensityLambda(), d.outcomeLambda(), finalLambda);
        }
    }

    /** The fitted model, the per-arm population results, and the history it came from. */
    public record Result(LearnedEffectModel model, List<EffectModelCard.ArmResult> arms,
                         List<EffectModelCard.PolicyResult> policy, SyntheticPopulation history,
                         SyntheticPopulation heldOut, double seconds) {
    }

    private record ArmFit(int horizon, Intervention intervention, int eligible, int treated, double trueAte,
                          CausalFit fit) {
    }

    private final Catalogue catalogue = Catalogue.STARTING;
    private final EffectFeatures features = new EffectFeatures();
    private final PriorEffectModel prior = new PriorEffectModel();

    public Result train(Settings settings) {
        long start = System.nanoTime();
        PopulationGenerator generator = new PopulationGenerator(settings.population());
        SyntheticPopulation history = generator.generate(settings.historyClients(), settings.seed() + 1);
        SyntheticPopulation heldOut = generator.generate(settings.heldOutClients(), settings.seed() + 2);

        LogisticModel baseline = baseline(history);
        List<ArmFit> fits = fitAll(history, baseline, settings);
        List<LearnedEffectModel.ArmModel> stored = new ArrayList<>();
        for (ArmFit f : fits) {
            stored.add(new LearnedEffectModel.ArmModel(f.horizon(), f.intervention().code(), f.eligible(), f.treated(),
                    f.fit().model().state()));
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("history", "PopulationGenerator " + settings.population() + ", " + settings.historyClients()
                + " clients, seed " + (settings.seed() + 1));
        provenance.put("estimator12", settings.estimator(12).toString());
        provenance.put("estimator24", settings.estimator(24).toString());
        provenance.put("design", "per intervention: clients eligible for it; arms NONE (control), the intervention, OTHER");
        LearnedEffectModel model = new LearnedEffectModel(new LearnedEffectModel.Stored(LearnedEffectModel.FORMAT,
                settings.version(), EffectFeatures.VERSION, provenance, baseline, stored));

        List<EffectModelCard.ArmResult> arms = new ArrayList<>();
        List<EffectModelCard.PolicyResult> policy = new ArrayList<>();
        for (int h : HORIZONS) {
            EffectEvaluation.Policy p = EffectEvaluation.policy(model, heldOut, h, naiveRanking(fits, h));
            for (ArmFit f : fits) {
                if (f.horizon() != h) {
                    continue;
                }
                ArmSummary s = f.fit().arm(1);
                EffectEvaluation.Pehe pehe = p.perIntervention().get(f.intervention().code());
                arms.add(new EffectModelCard.ArmResult(h, f.intervention().code(), f.eligible(), f.treated(),
                        pp(f.trueAte()), pp(s.ate()), pp(s.ateLower()), pp(s.ateUpper()),
                        s.ateLower() <= f.trueAte() && f.trueAte() <= s.ateUpper(),
                        pp(s.naiveDifference()), pp(s.naiveLower()), pp(s.naiveUpper()),
                        s.naiveLower() <= f.trueAte() && f.trueAte() <= s.naiveUpper(),
                        round(s.offSupportShare(), 4), pehe.learned(), pehe.blend(), pehe.tLearner()));
            }
            policy.add(p.result());
        }
        return new Result(model, arms, policy, history, heldOut, (System.nanoTime() - start) / 1e9);
    }

    /** Interventions by their naive difference at a horizon (largest first): what ignoring confounding would rank. */
    private static Map<String, Double> naiveRanking(List<ArmFit> fits, int h) {
        Map<String, Double> naive = new LinkedHashMap<>();
        for (ArmFit f : fits) {
            if (f.horizon() == h) {
                naive.put(f.intervention().code(), f.fit().arm(1).naiveDifference());
            }
        }
        return naive;
    }

    /** P(work within 12 months | intake) among the clients who got no intervention (their choice depends on the intake only). */
    public LogisticModel baseline(SyntheticPopulation history) {
        List<SimulatedClient> none = history.clients().stream()
                .filter(c -> c.intervention().equals(Intervention.NONE)).toList();
        double[][] x = new double[none.size()][];
        boolean[] worked = new boolean[none.size()];
        for (int i = 0; i < none.size(); i++) {
            x[i] = features.baseDesign(none.get(i).profile());
            worked[i] = none.get(i).worked12();
        }
        return LogisticModel.fit(x, worked, 1.0);
    }

    private List<ArmFit> fitAll(SyntheticPopulation history, LogisticModel baseline, Settings settings) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()));
        try {
            List<Future<ArmFit>> futures = new ArrayList<>();
            for (int h : HORIZONS) {
                for (Intervention intervention : catalogue.interventions()) {
                    if (!intervention.isNone()) {
                        futures.add(pool.submit(() -> fit(history, baseline, intervention, h, settings)));
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

    /** The data set of one intervention at one horizon: the clients eligible for it, by their recorded intake. */
    public CausalData data(List<SimulatedClient> clients, LogisticModel baseline, Intervention intervention, int h) {
        List<double[]> x = new ArrayList<>();
        List<Integer> arm = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (SimulatedClient c : clients) {
            IntakeProfile profile = c.profile();
            if (!intervention.eligibility().admits(profile)) {
                continue;
            }
            x.add(features.encode(profile, baseline.probability(features.baseDesign(profile)),
                    prior.estimate(profile, intervention, h).pointEstimate() / 100));
            String got = c.intervention();
            arm.add(got.equals(Intervention.NONE) ? 0 : got.equals(intervention.code()) ? 1 : 2);
            y.add((h >= 24 ? c.worked24() : c.worked12()) ? 1.0 : 0.0);
        }
        return new CausalData(x.toArray(double[][]::new), features.columnNames(),
                arm.stream().mapToInt(Integer::intValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray(),
                List.of(LearnedEffectModel.CONTROL, intervention.code(), LearnedEffectModel.OTHER));
    }

    private ArmFit fit(SyntheticPopulation history, LogisticModel baseline, Intervention intervention, int h,
                       Settings settings) {
        CausalData data = data(history.clients(), baseline, intervention, h);
        CausalFit fit = new DoublyRobustEstimator(settings.estimator(h)).fit(data, features.effectModifierColumns(),
                settings.priorUnpenalised() ? new int[] {features.columnNames().indexOf(EffectFeatures.PRIOR_COLUMN),
                        features.columnNames().indexOf(EffectFeatures.BASELINE_COLUMN)} : new int[0]);
        double truth = 0;
        int eligible = 0;
        for (SimulatedClient c : history.clients()) {
            if (intervention.eligibility().admits(c.profile())) {
                truth += c.trueEffect(intervention.code(), h);
                eligible++;
            }
        }
        return new ArmFit(h, intervention, eligible, data.armSizes()[1], truth / eligible, fit);
    }

    static double pp(double probabilityDifference) {
        return round(100 * probabilityDifference, 3);
    }

    static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }
}
