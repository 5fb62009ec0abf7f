package nl.trede.core.causal;

import java.util.List;

/**
 * Observational data on a plain numeric design: one row per client, the arm each client
 * received and the outcome observed afterwards. Arm 0 is the control (no intervention); arms 1..K-1
 * are the treatments compared with it.
 *
 * @param features     {@code [clients][columns]}, finite numbers (encode and impute beforehand)
 * @param featureNames one name per column
 * @param treatment    the arm index of each client, 0 .. armNames.size()-1
 * @param outcome      0/1 for a binary outcome, otherwise any finite amount
 * @param armNames     the arms' names, the control first
 * @param assignmentFeatures {@code [clients][columns]}: what the choice of arm depended on besides the
 *                     features but that is no fact about the client (the advice the klantmanager was
 *                     shown): the propensity model adjusts for it, the outcome and effect models never see it
 * @param knownPropensity each client's known probability of the arm it received, where the arm was
 *                     drawn by design; NaN where it was chosen (then the propensity is estimated)
 */
public record CausalData(double[][] features, List<String> featureNames, int[] treatment, double[] outcome,
                         List<String> armNames, double[][] assignmentFeatures, double[] knownPropensity) {

    /** Data in which the choice depended on the features only and no propensity is known. */
    public CausalData(double[][] features, List<String> featureNames, int[] treatment, double[] outcome, List<String> armNames) {
        this(features, featureNames, treatment, outcome, armNames, new double[features.length][0], unknown(features.length));
    }

    private static double[] unknown(int n) {
        double[] known = new double[n];
        java.util.Arrays.fill(known, Double.NaN);
        return known;
    }

    public CausalData {
        featureNames = List.copyOf(featureNames);
        armNames = List.copyOf(armNames);
        if (assignmentFeatures.length != features.length || knownPropensity.length != features.length) {
            throw new IllegalArgumentException("assignment features and known propensities differ in length from the features");
        }
        for (double p : knownPropensity) {
            if (!Double.isNaN(p) && !(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("a known propensity is in (0, 1], not " + p);
            }
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("no clients");
        }
        if (treatment.length != features.length || outcome.length != features.length) {
            throw new IllegalArgumentException("features, treatment and outcome differ in length");
        }
        if (armNames.size() < 2) {
            throw new IllegalArgumentException("need a control and at least one treatment arm");
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != featureNames.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + features[i].length
                        + " features, expected " + featureNames.size());
            }
            for (double v : features[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + (i + 1) + " has a non-finite feature");
                }
            }
            if (treatment[i] < 0 || treatment[i] >= armNames.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has unknown arm " + treatment[i]);
            }
            if (!Double.isFinite(outcome[i])) {
                throw new IllegalArgumentException("row " + (i + 1) + " has a non-finite outcome");
            }
        }
    }

    public int size() {
        return features.length;
    }

    public int armCount() {
        return armNames.size();
    }

    /** The number of clients per arm. */
    public int[] armSizes() {
        int[] sizes = new int[armNames.size()];
        for (int t : treatment) {
            sizes[t]++;
        }
        return sizes;
    }
}
