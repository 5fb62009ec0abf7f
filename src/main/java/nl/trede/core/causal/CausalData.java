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
 */
public record CausalData(double[][] features, List<String> featureNames, int[] treatment, double[] outcome,
                         List<String> armNames) {

    public CausalData {
        featureNames = List.copyOf(featureNames);
        armNames = List.copyOf(armNames);
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
