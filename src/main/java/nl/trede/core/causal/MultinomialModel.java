package nl.trede.core.causal;

/**
 * A ridge-penalised multinomial logistic regression on standardised features (the propensity
 * model's fitter), for callers outside this package that need the probability of each of several
 * classes, e.g. which option a klantmanager chose given the profile.
 *
 * @param means        subtracted from each feature
 * @param scales       divides each centred feature
 * @param coefficients {@code [classes][1 + features]}, intercept first (standardised scale); class 0 all zero
 */
public record MultinomialModel(double[] means, double[] scales, double[][] coefficients) {

    /** Fits P(label = k | x) for k = 0 .. classes-1, ridge penalty {@code lambda} on all but the intercepts. */
    public static MultinomialModel fit(double[][] x, int[] label, int classes, double lambda) {
        double[] means = new double[x[0].length];
        double[] scales = new double[x[0].length];
        double[][] z = DoublyRobustEstimator.standardisedDesign(x, means, scales);
        int[] rows = new int[x.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return new MultinomialModel(means, scales, SoftmaxRegression.fit(z, label, classes, rows, lambda, null));
    }

    /** The probability of each class for one client. */
    public double[] probabilities(double[] x) {
        double[] out = new double[coefficients.length];
        SoftmaxRegression.probabilities(coefficients, LogisticModel.standardise(x, means, scales), out);
        return out;
    }
}
