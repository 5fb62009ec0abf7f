package nl.trede.core.groundtruth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.ArmEffect;
import nl.trede.core.causal.ArmSummary;
import nl.trede.core.causal.CausalData;
import nl.trede.core.causal.CausalFit;
import nl.trede.core.causal.DoublyRobustEstimator;
import nl.trede.core.causal.Prior;
import nl.trede.core.effects.EffectEstimate;
import nl.trede.core.effects.PriorEffectModel;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.synth.OutcomeTruth;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;

/**
 * The ceiling of the effect evaluation: a DR-learner that is handed the true effect modifiers
 * ({@link OutcomeTruth#effectModifiers}). Per intervention and horizon, on the clients eligible for
 * it, the project's doubly robust estimator adjusts for the recorded intake columns and the true
 * modifiers, and its final stage is linear in exactly those modifiers: a correctly specified
 * effect model. It learns the sizes of the effects from the same history as every other learner;
 * only the shape is given. Each client's estimate is blended with the catalogue's literature prior
 * by precision, as the effect learner's is, so that a thin option's noisy estimate does not win the
 * ranking by chance. It reads the truth, so it lives here, where no trainer can reach it.
 */
final class CeilingLearner {

    private final OutcomeTruth truth;
    private final FeatureEncoder encoder = new FeatureEncoder();
    private final PriorEffectModel prior = new PriorEffectModel();
    private final Map<String, CausalFit> fits = new HashMap<>();

    private CeilingLearner(OutcomeTruth truth) {
        this.truth = truth;
    }

    /** Every intervention of the catalogue; one whose arms are too small for the estimator is left out (no estimate). */
    static CeilingLearner fit(SyntheticPopulation history, OutcomeTruth truth, int[] horizons, long seed) {
        return fit(history, truth, horizons, seed, Catalogue.STARTING.interventions().stream().filter(i -> !i.isNone()).toList());
    }

    static CeilingLearner fit(SyntheticPopulation history, OutcomeTruth truth, int[] horizons, long seed,
                              List<Intervention> interventions) {
        CeilingLearner learner = new CeilingLearner(truth);
        DoublyRobustEstimator estimator = new DoublyRobustEstimator(DoublyRobustEstimator.Settings.defaults().withSeed(seed));
        for (int h : horizons) {
            for (Intervention intervention : interventions) {
                CausalData data = learner.data(history, intervention, h);
                if (IntStream.of(data.armSizes()).min().orElse(0) < estimator.settings().minimumArmSize()) {
                    continue;
                }
                int modifiers = truth.effectModifiers(history.clients().get(0).trueProfile(), intervention).length;
                int width = learner.encoder.dimension();
                int[] effectColumns = IntStream.range(width, width + modifiers).toArray();
                learner.fits.put(key(intervention, h), estimator.fit(data, effectColumns));
            }
        }
        return learner;
    }

    private CausalData data(SyntheticPopulation history, Intervention intervention, int h) {
        List<double[]> x = new ArrayList<>();
        List<Integer> arm = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (SimulatedClient c : history.clients()) {
            if (intervention.eligibility().admits(c.profile())) {
                x.add(design(c, intervention));
                arm.add(Intervention.NONE.equals(c.intervention()) ? 0 : c.intervention().equals(intervention.code()) ? 1 : 2);
                y.add(h >= 24 ? (c.worked24() ? 1.0 : 0.0) : (c.worked12() ? 1.0 : 0.0));
            }
        }
        List<String> names = new ArrayList<>(encoder.columnNames());
        int modifiers = x.isEmpty() ? 0 : x.get(0).length - names.size();
        for (int m = 0; m < modifiers; m++) {
            names.add("trueModifier" + m);
        }
        return new CausalData(x.toArray(double[][]::new), names, arm.stream().mapToInt(Integer::intValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray(), List.of(Intervention.NONE, intervention.code(), "OTHER"));
    }

    /** The recorded intake's columns, then the true modifiers computed from the complete profile. */
    private double[] design(SimulatedClient c, Intervention intervention) {
        double[] intake = encoder.encode(c.profile());
        double[] modifiers = truth.effectModifiers(c.trueProfile(), intervention);
        double[] x = new double[intake.length + modifiers.length];
        System.arraycopy(intake, 0, x, 0, intake.length);
        System.arraycopy(modifiers, 0, x, intake.length, modifiers.length);
        return x;
    }

    boolean covers(Intervention intervention, int h) {
        return fits.containsKey(key(intervention, h));
    }

    /** The client's effect (probability difference), blended with the prior, with its interval and support. */
    ArmEffect effect(SimulatedClient c, Intervention intervention, int h) {
        EffectEstimate literature = prior.estimate(c.profile(), intervention, h);
        Prior[] priors = new Prior[3];
        priors[1] = Prior.fromInterval95(literature.lower() / 100, literature.upper() / 100);
        return fits.get(key(intervention, h)).model().predict(design(c, intervention), priors).effect(1);
    }

    ArmSummary average(Intervention intervention, int h) {
        return fits.get(key(intervention, h)).arm(1);
    }

    private static String key(Intervention intervention, int h) {
        return intervention.code() + "@" + h;
    }
}
