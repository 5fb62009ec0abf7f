package nl.trede.core.causal;

/**
 * A ridge-penalised logistic regression on standardised features (the same fitter as the
 * propensity and outcome models), for callers outside this package that need one plain
 * probability model, e.g. a client's chance of work without intervention.
 *
 * @param means        subtracted from each feature
 * @param scales       divides each centred feature
 * @param coefficients intercept first, then one per feature (standardised scale)
 */
public record LogisticModel(double[] means, double[] scales, double[] coefficients) {

    /** Fits P(label = 1 | x) on the given rows with ridge penalty {@code lambda} (not on the intercept). */
    public static LogisticModel fit(double[][] x, boolean[] label, double lambda) {
        int n = x.length;
        double[] means = new double[x[0].length];
        double[] scales = new double[x[0].length];
        double[][] z = DoublyRobustEstimator.standardisedDesign(x, means, scales);
        int[] y = new int[n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = label[i] ? 1 : 0;
            rows[i] = i;
        }
        double[] beta = SoftmaxRegression.fit(z, y, 2, rows, lambda, null)[1];
        return new LogisticModel(means, scales, beta);
    }

    public double probability(double[] x) {
        double eta = Matrices.dot(coefficients, standardise(x, means, scales));
        return 1 / (1 + Math.exp(-eta));
    }

    private static double[] standardise(double[] x, double[] means, double[] scales) {
        double[] z = new double[x.length + 1];
        z[0] = 1;
        for (int c = 0; c < x.length; c++) {
            z[c + 1] = (x[c] - means[c]) / scales[c];
        }
        return z;
    }
}
