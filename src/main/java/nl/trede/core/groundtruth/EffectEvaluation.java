package nl.trede.core.groundtruth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.ArmSummary;
import nl.trede.core.effects.EffectEstimate;
import nl.trede.core.effects.EffectFeatures;
import nl.trede.core.effects.EffectModelCard;
import nl.trede.core.effects.EffectModelTrainer;
import nl.trede.core.effects.LearnedEffectModel;
import nl.trede.core.effects.PriorEffectModel;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;

/**
 * Judges a fitted {@link LearnedEffectModel} against the simulation's ground truth: each
 * intervention's average effect over the eligible clients of the history it learned from, and the
 * client-level results on a population it did not learn from.
 *
 * <p>Policy value: for every client, each policy picks one of the client's eligible interventions
 * (NONE included) and scores the true gain {@code P(work | do(pick)) - P(work | do(NONE))} at the
 * horizon. "Recommended" follows the top recommendation, ranked as the
 * {@link nl.trede.core.recommend.Recommender} ranks: the largest expected effect among the options
 * with comparable history (NONE counts as 0), the cheaper one on an exact tie. The oracle picks the
 * truly best intervention. PEHE is the root mean squared error of client-level effects (percentage
 * points) over eligible, on-support client–intervention pairs.
 */
public final class EffectEvaluation {

    private static final EffectFeatures FEATURES = new EffectFeatures();

    private EffectEvaluation() {
    }

    /** The fit with its results against the truth, as its model card reports them. */
    public static EffectModelTrainer.Result evaluate(EffectModelTrainer.Fit fit, SyntheticPopulation history,
                                                     SyntheticPopulation heldOut) {
        List<EffectModelCard.ArmResult> arms = new ArrayList<>();
        List<EffectModelCard.PolicyResult> policy = new ArrayList<>();
        for (int h : EffectModelTrainer.HORIZONS) {
            Policy p = policy(fit.model(), heldOut, h, naiveRanking(fit.arms(), h));
            for (EffectModelTrainer.ArmFit f : fit.arms()) {
                if (f.horizon() != h) {
                    continue;
                }
                double trueAte = HistoryEvaluation.trueAverageEffect(history, f.intervention(), h);
                ArmSummary s = f.fit().arm(1);
                Pehe pehe = p.perIntervention().get(f.intervention().code());
                arms.add(new EffectModelCard.ArmResult(h, f.intervention().code(), f.eligible(), f.treated(),
                        EffectModelTrainer.pp(trueAte), EffectModelTrainer.pp(s.ate()), EffectModelTrainer.pp(s.ateLower()), EffectModelTrainer.pp(s.ateUpper()),
                        s.ateLower() <= trueAte && trueAte <= s.ateUpper(),
                        EffectModelTrainer.pp(s.naiveDifference()), EffectModelTrainer.pp(s.naiveLower()), EffectModelTrainer.pp(s.naiveUpper()),
                        s.naiveLower() <= trueAte && trueAte <= s.naiveUpper(),
                        EffectModelTrainer.round(s.offSupportShare(), 4), pehe.learned(), pehe.blend(), pehe.tLearner(),
                        f.fit().model().state().effectTerms().stream().map(t -> FEATURES.describe(t).dutch()).toList()));
            }
            policy.add(p.result());
        }
        return new EffectModelTrainer.Result(fit.model(), arms, policy);
    }

    /** Interventions by their naive difference at a horizon (largest first): what ignoring confounding would rank. */
    private static Map<String, Double> naiveRanking(List<EffectModelTrainer.ArmFit> fits, int h) {
        Map<String, Double> naive = new LinkedHashMap<>();
        for (EffectModelTrainer.ArmFit f : fits) {
            if (f.horizon() == h) {
                naive.put(f.intervention().code(), f.fit().arm(1).naiveDifference());
            }
        }
        return naive;
    }

    /** PEHE of one intervention (percentage points): learned only, learned blended with the prior, T-learner. */
    public record Pehe(double learned, double blend, double tLearner, int pairs) {
    }

    public record Policy(EffectModelCard.PolicyResult result, Map<String, Pehe> perIntervention) {
    }

    /**
     * @param naiveDifference per intervention code, the naive difference in outcome (treated minus
     *                        untreated, probability units): the "naive" policy gives every client the
     *                        eligible intervention with the largest one
     */
    static Policy policy(LearnedEffectModel model, SyntheticPopulation population, int h,
                                Map<String, Double> naiveDifference) {
        List<Intervention> interventions = Catalogue.STARTING.interventions();
        PriorEffectModel prior = new PriorEffectModel();
        int k = interventions.size();
        double[] sqLearned = new double[k];
        double[] sqBlend = new double[k];
        double[] sqT = new double[k];
        int[] pairs = new int[k];
        double oracle = 0;
        double recommended = 0;
        double learnedOnly = 0;
        double priorOnly = 0;
        double tLearner = 0;
        double naive = 0;
        int eligiblePairs = 0;
        int offSupport = 0;
        for (SimulatedClient c : population.clients()) {
            Choice best = new Choice();
            Choice rec = new Choice();
            Choice learned = new Choice();
            Choice pri = new Choice();
            Choice t = new Choice();
            Choice nai = new Choice();
            for (int a = 0; a < k; a++) {
                Intervention iv = interventions.get(a);
                if (!iv.eligibility().admits(c.profile())) {
                    continue;
                }
                double truth = c.trueEffect(iv.code(), h);
                best.offer(iv, truth);
                pri.offer(iv, prior.estimate(c.profile(), iv, h).pointEstimate());
                if (iv.isNone()) {
                    rec.offer(iv, 0);
                    learned.offer(iv, 0);
                    t.offer(iv, 0);
                    nai.offer(iv, 0);
                    continue;
                }
                eligiblePairs++;
                nai.offer(iv, naiveDifference.getOrDefault(iv.code(), 0.0));
                EffectEstimate blend = model.estimate(c.profile(), model.baselineChance(c.profile()), iv, h);
                if (!blend.comparableHistory()) {
                    offSupport++;
                    continue;
                }
                EffectEstimate data = model.estimateWithoutPrior(c.profile(), iv, h);
                double tl = 100 * model.tLearnerEffect(c.profile(), iv, h);
                rec.offer(iv, blend.pointEstimate());
                learned.offer(iv, data.pointEstimate());
                t.offer(iv, tl);
                double truthPp = 100 * truth;
                sqBlend[a] += sq(blend.pointEstimate() - truthPp);
                sqLearned[a] += sq(data.pointEstimate() - truthPp);
                sqT[a] += sq(tl - truthPp);
                pairs[a]++;
            }
            oracle += c.trueEffect(best.code(), h);
            recommended += c.trueEffect(rec.code(), h);
            learnedOnly += c.trueEffect(learned.code(), h);
            priorOnly += c.trueEffect(pri.code(), h);
            tLearner += c.trueEffect(t.code(), h);
            naive += c.trueEffect(nai.code(), h);
        }
        Map<String, Pehe> per = new LinkedHashMap<>();
        double allLearned = 0;
        double allBlend = 0;
        double allT = 0;
        int allPairs = 0;
        for (int a = 0; a < k; a++) {
            if (interventions.get(a).isNone()) {
                continue;
            }
            per.put(interventions.get(a).code(), new Pehe(root(sqLearned[a], pairs[a]), root(sqBlend[a], pairs[a]),
                    root(sqT[a], pairs[a]), pairs[a]));
            allLearned += sqLearned[a];
            allBlend += sqBlend[a];
            allT += sqT[a];
            allPairs += pairs[a];
        }
        int n = population.size();
        EffectModelCard.PolicyResult result = new EffectModelCard.PolicyResult(h,
                EffectModelTrainer.pp(oracle / n), EffectModelTrainer.pp(recommended / n),
                share(recommended, oracle), share(learnedOnly, oracle), share(priorOnly, oracle),
                share(tLearner, oracle), share(naive, oracle),
                root(allLearned, allPairs), root(allBlend, allPairs), root(allT, allPairs),
                EffectModelTrainer.round(offSupport / (double) Math.max(1, eligiblePairs), 4));
        return new Policy(result, per);
    }

    private static double share(double gain, double oracle) {
        return EffectModelTrainer.round(gain / oracle, 4);
    }

    private static double root(double sum, int count) {
        return count == 0 ? Double.NaN : EffectModelTrainer.round(Math.sqrt(sum / count), 3);
    }

    private static double sq(double v) {
        return v * v;
    }

    /** The best option seen so far: larger value wins, the cheaper on an exact tie (as the Recommender). */
    static final class Choice {
        private Intervention best;
        private double value = Double.NEGATIVE_INFINITY;

        void offer(Intervention candidate, double candidateValue) {
            if (candidateValue > value || (candidateValue == value && candidate.costEuros() < best.costEuros())) {
                best = candidate;
                value = candidateValue;
            }
        }

        String code() {
            return best.code();
        }
    }
}
