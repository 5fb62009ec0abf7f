package nl.trede.core.causal;

/**
 * One fitted nuisance model, as stored: the propensity over all arms (class probabilities), or one
 * arm's outcome model (P(Y = 1) for a 0/1 outcome, the mean otherwise). Either a ridge-penalised
 * linear model on the standardised features ({@code coefficients}, rows per class with class 0 the
 * reference, or one row for an outcome) or a boosted tree ensemble on the raw features
 * ({@code trees}).
 *
 * @param kind   {@code linear} or {@code boosted}
 * @param chosen why this candidate was chosen: its cross-validated loss against the other's
 */
public record Nuisance(String kind, double[][] coefficients, BoostedTrees.Ensemble trees, String chosen) {

    static final String LINEAR = "linear";
    static final String BOOSTED = "boosted";

    static Nuisance linear(double[][] coefficients, String chosen) {
        return new Nuisance(LINEAR, coefficients, null, chosen);
    }

    static Nuisance boosted(BoostedTrees.Ensemble trees, String chosen) {
        return new Nuisance(BOOSTED, null, trees, chosen);
    }

    /** Class probabilities of a propensity model, from the raw row x and its standardised design z. */
    void probabilities(double[] x, double[] z, double[] out) {
        if (trees == null) {
            SoftmaxRegression.probabilities(coefficients, z, out);
        } else {
            trees.margins(x, Integer.MAX_VALUE, out);
            BoostedTrees.softmax(out, 0, out.length, out);
        }
    }

    /** The mean outcome of an outcome model: a probability for a 0/1 outcome. */
    double mean(OutcomeType type, double[] x, double[] z) {
        double eta = trees == null ? Matrices.dot(coefficients[0], z) : trees.margin(x);
        return type.mean(eta);
    }
}
