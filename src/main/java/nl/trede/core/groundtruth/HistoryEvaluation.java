package nl.trede.core.groundtruth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.ArmEffect;
import nl.trede.core.causal.ArmSummary;
import nl.trede.core.distance.DistanceModelTrainer;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.core.effects.EffectEstimate;
import nl.trede.core.effects.EffectModel;
import nl.trede.core.effects.EffectModelTrainer;
import nl.trede.core.effects.PriorEffectModel;
import nl.trede.core.comparators.TLearner;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;
import nl.trede.core.synth.TestHistory;
import nl.trede.core.training.TrainingData;

/**
 * Judges effect learners on one {@link TestHistory} against its truth (issue 10, point 5). Every
 * learner is fitted on the history's {@link TrainingData} only (what a municipality could know) and
 * judged on a fresh population drawn from the same truth with another seed, never on the records it
 * learned from. The baseline chance each client's effects are asked with is the distance score of a
 * {@link DistanceModelTrainer} fitted on the same history, as the service would pass it.
 *
 * <p>Per learner and horizon (12, 24 months):
 * <ul>
 *   <li><b>share of the oracle's gain</b>: every held-out client gets the option with the largest
 *   estimated effect among the eligible options with comparable history ({@code NONE} counts as 0,
 *   the cheaper on a tie, as the {@link nl.trede.core.recommend.Recommender} ranks); the true gain of
 *   that pick over {@code NONE}, summed, divided by the gain of always picking the truly best option;</li>
 *   <li><b>average effect</b> per option with its 95 % interval, against the true average effect over
 *   the history's eligible clients (the estimand of the doubly robust average), and whether it covers it;</li>
 *   <li><b>PEHE</b> per option: root mean squared error of the client-level effect, percentage points,
 *   over the held-out eligible clients the learner gives a number for;</li>
 *   <li><b>client coverage</b>: the share of those client-option pairs whose 95 % interval holds the true effect.</li>
 * </ul>
 * Learners: the effect learner under test ({@link EffectModelTrainer} with the given settings), a
 * T-learner ({@link TLearner}), the literature prior alone ({@link PriorEffectModel}), and as a
 * ceiling a DR-learner handed the true effect modifiers ({@link CeilingLearner}).
 */
public final class HistoryEvaluation {

    public static final int[] HORIZONS = EffectModelTrainer.HORIZONS;

    /**
     * @param historyClients       clients in the history learned from; 0 for the history's own size
     * @param heldOutClients       clients of the fresh population everything is judged on
     * @param seed                 seeds the history; the held-out population gets {@code seed + 1}
     * @param allDistanceCandidates fit the distance model with all of the trainer's standard candidates
     *                             (slow: the tree ensembles), not only the linear one it picks on today's simulator
     */
    public record Settings(int historyClients, int heldOutClients, long seed, boolean allDistanceCandidates) {
    }

    /**
     * One option at one horizon. Effects in percentage points.
     *
     * @param averageCovered null when the learner states no interval for the average
     * @param clients        held-out eligible clients the learner gave a number for
     * @param offSupportShare share of the held-out eligible clients without a number (no comparable history)
     */
    public record OptionResult(String intervention, double trueAverage, double average, double averageLower,
                               double averageUpper, Boolean averageCovered, double pehe, double clientCoverage,
                               int clients, double offSupportShare) {
    }

    /**
     * @param oracleGain      mean true gain of the truly best option per held-out client, percentage points
     * @param gain            mean true gain of following the learner's top recommendation
     * @param averagesCovered options whose average effect's interval covers the truth, of {@code averagesStated}
     */
    public record HorizonResult(int horizonMonths, double oracleGain, double gain, double shareOfOracle,
                                int averagesCovered, int averagesStated, int options, double pehe, double clientCoverage,
                                double offSupportShare, List<OptionResult> perOption) {
    }

    public record LearnerResult(String learner, double fitSeconds, List<HorizonResult> horizons) {

        public HorizonResult at(int horizonMonths) {
            return horizons.stream().filter(h -> h.horizonMonths() == horizonMonths).findFirst().orElseThrow();
        }
    }

    public record Result(String history, String summary, int historyClients, int heldOutClients, long seed,
                         String distanceModel, double seconds, List<LearnerResult> learners) {

        public LearnerResult learner(String name) {
            return learners.stream().filter(l -> l.learner().equals(name)).findFirst().orElseThrow();
        }
    }

    /** The history learned from and the fresh population judged on. */
    public record Populations(SyntheticPopulation history, SyntheticPopulation heldOut) {
    }

    public static final String LEARNER = "learner";
    public static final String T_LEARNER = "T-learner";
    public static final String PRIOR = "prior only";
    public static final String CEILING = "ceiling (true modifiers)";

    /** One fitted learner as the evaluation asks it. */
    interface Fitted {
        /** Effect in percentage points with its 95 % interval (NaN bounds: none stated); null without comparable history. */
        Estimate estimate(SimulatedClient client, double baselineChance, Intervention intervention, int h);

        /** The average effect over the eligible clients of the history, probability units; null when not stated. */
        Estimate average(Intervention intervention, int h);
    }

    record Estimate(double value, double lower, double upper) {
    }

    private static final List<Intervention> OPTIONS = Catalogue.STARTING.interventions();

    private HistoryEvaluation() {
    }

    public static Populations draw(TestHistory history, Settings settings) {
        int size = settings.historyClients() > 0 ? settings.historyClients() : history.defaultSize();
        return new Populations(history.generate(size, settings.seed()), history.generate(settings.heldOutClients(), settings.seed() + 1));
    }

    public static Result evaluate(TestHistory history, Settings settings, EffectModelTrainer.Settings learner) {
        long start = System.nanoTime();
        Populations populations = draw(history, settings);
        SyntheticPopulation trained = populations.history();
        TrainingData data = trained.trainingData();
        DistanceModelTrainer distanceTrainer = settings.allDistanceCandidates()
                ? new DistanceModelTrainer(settings.seed(), "evaluation")
                : new DistanceModelTrainer(settings.seed(), "evaluation", DistanceModelTrainer.standardCandidates(settings.seed()).subList(0, 1));
        DistanceModelTrainer.Fit distance = distanceTrainer.fit(data);
        double[] baselineChance = baselineChances(distance.model(), populations.heldOut());

        List<LearnerResult> results = new ArrayList<>();
        long t = System.nanoTime();
        EffectModelTrainer.Fit fit = new EffectModelTrainer(learner).fit(data);
        results.add(judge(LEARNER, seconds(t), learned(fit), populations, baselineChance));
        t = System.nanoTime();
        TLearner tLearner = TLearner.fit(data, HORIZONS);
        results.add(judge(T_LEARNER, seconds(t), tLearner(tLearner), populations, baselineChance));
        results.add(judge(PRIOR, 0, prior(trained), populations, baselineChance));
        t = System.nanoTime();
        CeilingLearner ceiling = CeilingLearner.fit(trained, history.truth(), HORIZONS, settings.seed());
        results.add(judge(CEILING, seconds(t), ceiling(ceiling), populations, baselineChance));
        return new Result(history.name(), history.summary(), trained.size(), populations.heldOut().size(), settings.seed(),
                distance.chosenCandidate(), seconds(start), List.copyOf(results));
    }

    private static double[] baselineChances(TribuoDistanceModel model, SyntheticPopulation population) {
        List<IntakeProfile> profiles = population.clients().stream().map(SimulatedClient::profile).toList();
        return model.probabilities(profiles);
    }

    private static Fitted learned(EffectModelTrainer.Fit fit) {
        EffectModel model = fit.model();
        Map<String, Estimate> averages = new HashMap<>();
        for (EffectModelTrainer.ArmFit arm : fit.arms()) {
            ArmSummary s = arm.fit().arm(1);
            averages.put(arm.intervention().code() + "@" + arm.horizon(), new Estimate(s.ate(), s.ateLower(), s.ateUpper()));
        }
        return new Fitted() {
            @Override
            public Estimate estimate(SimulatedClient client, double baselineChance, Intervention intervention, int h) {
                return stated(model.estimate(client.profile(), baselineChance, intervention, h));
            }

            @Override
            public Estimate average(Intervention intervention, int h) {
                return averages.get(intervention.code() + "@" + h);
            }
        };
    }

    private static Estimate stated(EffectEstimate e) {
        return e.comparableHistory() ? new Estimate(e.pointEstimate(), e.lower(), e.upper()) : null;
    }

    private static Fitted tLearner(TLearner learner) {
        return new Fitted() {
            @Override
            public Estimate estimate(SimulatedClient client, double baselineChance, Intervention intervention, int h) {
                return learner.covers(intervention, h)
                        ? new Estimate(100 * learner.effect(client.profile(), intervention, h), Double.NaN, Double.NaN) : null;
            }

            @Override
            public Estimate average(Intervention intervention, int h) {
                return learner.covers(intervention, h)
                        ? new Estimate(learner.averageEffect(intervention, h), Double.NaN, Double.NaN) : null;
            }
        };
    }

    /** The prior's average: the mean of its client-level statements over the history's eligible clients. */
    static Fitted prior(SyntheticPopulation history) {
        PriorEffectModel prior = new PriorEffectModel();
        return new Fitted() {
            @Override
            public Estimate estimate(SimulatedClient client, double baselineChance, Intervention intervention, int h) {
                return stated(prior.estimate(client.profile(), intervention, h));
            }

            @Override
            public Estimate average(Intervention intervention, int h) {
                double value = 0;
                double lower = 0;
                double upper = 0;
                int n = 0;
                for (SimulatedClient c : history.clients()) {
                    if (intervention.eligibility().admits(c.profile())) {
                        EffectEstimate e = prior.estimate(c.profile(), intervention, h);
                        value += e.pointEstimate();
                        lower += e.lower();
                        upper += e.upper();
                        n++;
                    }
                }
                return new Estimate(value / n / 100, lower / n / 100, upper / n / 100);
            }
        };
    }

    static Fitted ceiling(CeilingLearner learner) {
        return new Fitted() {
            @Override
            public Estimate estimate(SimulatedClient client, double baselineChance, Intervention intervention, int h) {
                if (!learner.covers(intervention, h)) {
                    return null;
                }
                ArmEffect e = learner.effect(client, intervention, h);
                return e.onSupport() && e.hasEstimate() ? new Estimate(100 * e.estimate(), 100 * e.lower(), 100 * e.upper()) : null;
            }

            @Override
            public Estimate average(Intervention intervention, int h) {
                if (!learner.covers(intervention, h)) {
                    return null;
                }
                ArmSummary s = learner.average(intervention, h);
                return new Estimate(s.ate(), s.ateLower(), s.ateUpper());
            }
        };
    }

    /** Scores one fitted learner on the held-out population at both horizons. */
    static LearnerResult judge(String name, double fitSeconds, Fitted fitted, Populations populations, double[] baselineChance) {
        List<HorizonResult> horizons = new ArrayList<>();
        for (int h : HORIZONS) {
            horizons.add(judge(fitted, populations, baselineChance, h));
        }
        return new LearnerResult(name, round(fitSeconds, 1), List.copyOf(horizons));
    }

    private static HorizonResult judge(Fitted fitted, Populations populations, double[] baselineChance, int h) {
        int k = OPTIONS.size();
        double[] squared = new double[k];
        int[] covered = new int[k];
        int[] withInterval = new int[k];
        int[] stated = new int[k];
        int[] eligible = new int[k];
        double oracle = 0;
        double gain = 0;
        List<SimulatedClient> clients = populations.heldOut().clients();
        for (int i = 0; i < clients.size(); i++) {
            SimulatedClient c = clients.get(i);
            EffectEvaluation.Choice best = new EffectEvaluation.Choice();
            EffectEvaluation.Choice recommended = new EffectEvaluation.Choice();
            for (int a = 0; a < k; a++) {
                Intervention option = OPTIONS.get(a);
                if (!option.eligibility().admits(c.profile())) {
                    continue;
                }
                double truth = 100 * c.trueEffect(option.code(), h);
                best.offer(option, truth);
                if (option.isNone()) {
                    recommended.offer(option, 0);
                    continue;
                }
                eligible[a]++;
                Estimate e = fitted.estimate(c, baselineChance[i], option, h);
                if (e == null) {
                    continue;
                }
                recommended.offer(option, e.value());
                stated[a]++;
                squared[a] += (e.value() - truth) * (e.value() - truth);
                if (Double.isFinite(e.lower()) && Double.isFinite(e.upper())) {
                    withInterval[a]++;
                    covered[a] += e.lower() <= truth && truth <= e.upper() ? 1 : 0;
                }
            }
            oracle += c.trueEffect(best.code(), h);
            gain += c.trueEffect(recommended.code(), h);
        }
        List<OptionResult> perOption = new ArrayList<>();
        int averagesCovered = 0;
        int averagesStated = 0;
        double allSquared = 0;
        int allStated = 0;
        int allCovered = 0;
        int allWithInterval = 0;
        int allEligible = 0;
        for (int a = 0; a < k; a++) {
            Intervention option = OPTIONS.get(a);
            if (option.isNone()) {
                continue;
            }
            double trueAverage = trueAverageEffect(populations.history(), option, h);
            Estimate average = fitted.average(option, h);
            Boolean averageCovered = null;
            if (average != null && Double.isFinite(average.lower())) {
                averageCovered = average.lower() <= trueAverage && trueAverage <= average.upper();
                averagesStated++;
                averagesCovered += averageCovered ? 1 : 0;
            }
            perOption.add(new OptionResult(option.code(), pp(trueAverage), average == null ? Double.NaN : pp(average.value()),
                    average == null ? Double.NaN : pp(average.lower()), average == null ? Double.NaN : pp(average.upper()),
                    averageCovered, root(squared[a], stated[a]), ratio(covered[a], withInterval[a]), stated[a],
                    ratio(eligible[a] - stated[a], eligible[a])));
            allSquared += squared[a];
            allStated += stated[a];
            allCovered += covered[a];
            allWithInterval += withInterval[a];
            allEligible += eligible[a];
        }
        int n = clients.size();
        return new HorizonResult(h, pp(oracle / n), pp(gain / n), round(gain / oracle, 4), averagesCovered, averagesStated,
                perOption.size(), root(allSquared, allStated), ratio(allCovered, allWithInterval),
                ratio(allEligible - allStated, allEligible), List.copyOf(perOption));
    }

    /** The true average effect over the history's clients whose recorded intake makes them eligible. */
    static double trueAverageEffect(SyntheticPopulation history, Intervention intervention, int h) {
        double sum = 0;
        int n = 0;
        for (SimulatedClient c : history.clients()) {
            if (intervention.eligibility().admits(c.profile())) {
                sum += c.trueEffect(intervention.code(), h);
                n++;
            }
        }
        return sum / n;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double pp(double probabilityDifference) {
        return round(100 * probabilityDifference, 3);
    }

    private static double root(double sum, int count) {
        return count == 0 ? Double.NaN : round(Math.sqrt(sum / count), 3);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : round(part / (double) whole, 4);
    }

    private static double round(double value, int decimals) {
        return EffectModelTrainer.round(value, decimals);
    }
}
