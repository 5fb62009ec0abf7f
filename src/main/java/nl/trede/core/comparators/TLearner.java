package nl.trede.core.comparators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.LogisticModel;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.training.TrainingData;
import nl.trede.core.training.TrainingRecord;

/**
 * The T-learner, as a yardstick for the effect learner: per intervention and horizon, on the records
 * eligible for it with a known outcome, one ridge logistic model of the outcome on the intake
 * columns ({@link FeatureEncoder}) for the records that got nothing and one for those that got only
 * this intervention; a client's effect is the difference of the two predictions. No propensity
 * model and no doubly robust correction: it is what a data scientist might try first, and it has no
 * interval of its own.
 */
public final class TLearner {

    /** Ridge penalty of both outcome models (standardised columns; light for any sizeable history). */
    static final double LAMBDA = 1.0;

    private record Arms(LogisticModel untreated, LogisticModel treated, double averageEffect) {
    }

    private final FeatureEncoder encoder = new FeatureEncoder();
    private final Map<String, Arms> arms = new HashMap<>();

    private TLearner() {
    }

    /** Fits every intervention of the starting catalogue at 12 and 24 months; an intervention nobody (or nobody untreated) got is left out. */
    public static TLearner fit(TrainingData data, int[] horizons) {
        TLearner learner = new TLearner();
        for (int h : horizons) {
            for (Intervention intervention : Catalogue.STARTING.interventions()) {
                if (!intervention.isNone()) {
                    learner.fit(data.records(), intervention, h);
                }
            }
        }
        return learner;
    }

    private void fit(List<TrainingRecord> records, Intervention intervention, int h) {
        List<double[]> eligible = new ArrayList<>();
        List<double[]> x0 = new ArrayList<>();
        List<double[]> x1 = new ArrayList<>();
        List<Boolean> y0 = new ArrayList<>();
        List<Boolean> y1 = new ArrayList<>();
        for (TrainingRecord r : records) {
            if (!intervention.eligibility().admits(r.profile()) || !r.outcome(h).known()) {
                continue;
            }
            double[] x = encoder.encode(r.profile());
            eligible.add(x);
            if (r.gotNothing()) {
                x0.add(x);
                y0.add(r.outcome(h).worked());
            } else if (r.gotOnly(intervention.code())) {
                x1.add(x);
                y1.add(r.outcome(h).worked());
            }
        }
        if (x0.isEmpty() || x1.isEmpty()) {
            return;
        }
        LogisticModel untreated = LogisticModel.fit(x0.toArray(double[][]::new), labels(y0), LAMBDA);
        LogisticModel treated = LogisticModel.fit(x1.toArray(double[][]::new), labels(y1), LAMBDA);
        double sum = 0;
        for (double[] x : eligible) {
            sum += treated.probability(x) - untreated.probability(x);
        }
        arms.put(key(intervention.code(), h), new Arms(untreated, treated, sum / eligible.size()));
    }

    /** Whether the intervention could be fitted at this horizon. */
    public boolean covers(Intervention intervention, int horizonMonths) {
        return arms.containsKey(key(intervention.code(), horizonMonths));
    }

    /** The client's effect, as a probability difference. */
    public double effect(IntakeProfile profile, Intervention intervention, int horizonMonths) {
        Arms fitted = arms.get(key(intervention.code(), horizonMonths));
        double[] x = encoder.encode(profile);
        return fitted.treated().probability(x) - fitted.untreated().probability(x);
    }

    /** The plug-in average effect over the eligible training records, as a probability difference. */
    public double averageEffect(Intervention intervention, int horizonMonths) {
        return arms.get(key(intervention.code(), horizonMonths)).averageEffect();
    }

    private static String key(String code, int horizonMonths) {
        return code + "@" + horizonMonths;
    }

    private static boolean[] labels(List<Boolean> values) {
        boolean[] result = new boolean[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }
}
