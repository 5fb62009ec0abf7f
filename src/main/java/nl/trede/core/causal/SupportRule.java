package nl.trede.core.causal;

import java.util.List;
import java.util.Locale;

/**
 * The support rule, shared by the estimator (which keeps off-support clients out of the
 * DR-learner's final stage) and the fitted model (which flags them): a client is on support for
 * arm k versus control when the propensities of arm k and of the control are at least their
 * thresholds, and every feature lies within the range seen among the clients of arm k and of the
 * control.
 */
record SupportRule(List<String> armNames, List<String> featureNames, double[] thresholds,
                   double[][] columnMin, double[][] columnMax) {

    DrLearnerModel.Support check(double[] x, double[] propensity, int arm) {
        for (int group : new int[] {arm, 0}) {
            if (propensity[group] < thresholds[group]) {
                return new DrLearnerModel.Support(false, String.format(Locale.ROOT,
                        "estimated propensity for %s%s is %.4f, below the support threshold %.4f",
                        armNames.get(group), group == 0 ? " (control)" : "", propensity[group], thresholds[group]));
            }
        }
        for (int group : new int[] {arm, 0}) {
            for (int c = 0; c < x.length; c++) {
                double lo = columnMin[group][c];
                double hi = columnMax[group][c];
                if (x[c] < lo || x[c] > hi) {
                    return new DrLearnerModel.Support(false, String.format(Locale.ROOT,
                            "%s = %s lies outside the range [%s, %s] seen among clients who got %s",
                            featureNames.get(c), plain(x[c]), plain(lo), plain(hi), armNames.get(group)));
                }
            }
        }
        return new DrLearnerModel.Support(true, "");
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
