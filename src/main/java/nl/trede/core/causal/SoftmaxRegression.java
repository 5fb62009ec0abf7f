package nl.trede.core.causal;

/**
 * Ridge-penalised multinomial logistic regression fitted by Newton's method with step halving.
 * Two classes give ordinary logistic regression, so the propensity model and the binary outcome
 * models share this one implementation. Class 0 is the reference (its coefficients stay zero);
 * the intercept (column 0 of the design) is not penalised.
 */
final class SoftmaxRegression {

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-7;
    /** Keeps the Hessian positive definite when a class is absent from the rows. */
    private static final double INTERCEPT_JITTER = 1e-8;

    private SoftmaxRegression() {
    }

    /**
     * Fits the coefficients.
     *
     * @param z       design with an intercept in column 0
     * @param label   class of each row, 0 .. classes-1
     * @param rows    the rows to fit on
     * @param lambda  ridge penalty on the non-intercept coefficients
     * @param start   warm start ({@code [classes][columns]}), or null for zeros
     * @return coefficients {@code [classes][columns]}, row 0 all zero
     */
    static double[][] fit(double[][] z, int[] label, int classes, int[] rows, double lambda, double[][] start) {
        int columns = z[0].length;
        int free = classes - 1;
        int d = free * columns;
        double[][] beta = new double[classes][columns];
        if (start != null) {
            for (int k = 0; k < classes; k++) {
                beta[k] = start[k].clone();
            }
        }
        double[] prob = new double[classes];
        double loss = loss(z, label, rows, beta, lambda, prob);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int r : rows) {
                double[] zi = z[r];
                probabilities(beta, zi, prob);
                for (int j = 1; j < classes; j++) {
                    double g = prob[j] - (label[r] == j ? 1 : 0);
                    int oj = (j - 1) * columns;
                    for (int a = 0; a < columns; a++) {
                        gradient[oj + a] += g * zi[a];
                    }
                    for (int k = j; k < classes; k++) {
                        double w = prob[j] * ((j == k ? 1 : 0) - prob[k]);
                        int ok = (k - 1) * columns;
                        for (int a = 0; a < columns; a++) {
                            double wa = w * zi[a];
                            if (wa == 0) {
                                continue;
                            }
                            double[] row = hessian[oj + a];
                            for (int b = j == k ? a : 0; b < columns; b++) {
                                row[ok + b] += wa * zi[b];
                            }
                        }
                    }
                }
            }
            for (int j = 1; j < classes; j++) {
                int oj = (j - 1) * columns;
                hessian[oj][oj] += INTERCEPT_JITTER;
                for (int a = 1; a < columns; a++) {
                    gradient[oj + a] += lambda * beta[j][a];
                    hessian[oj + a][oj + a] += lambda;
                }
            }
            Matrices.symmetrizeFromUpper(hessian);
            double[] step = Matrices.choleskySolve(Matrices.cholesky(hessian), gradient);
            double t = 1;
            double[][] candidate = new double[classes][columns];
            double newLoss = Double.POSITIVE_INFINITY;
            for (int halving = 0; halving < 30; halving++) {
                for (int j = 1; j < classes; j++) {
                    for (int a = 0; a < columns; a++) {
                        candidate[j][a] = beta[j][a] - t * step[(j - 1) * columns + a];
                    }
                }
                newLoss = loss(z, label, rows, candidate, lambda, prob);
                if (newLoss <= loss) {
                    break;
                }
                t /= 2;
            }
            if (!(newLoss <= loss)) {
                break; // no descent possible any more: we are at the optimum up to rounding
            }
            double maxChange = 0;
            for (double s : step) {
                maxChange = Math.max(maxChange, Math.abs(t * s));
            }
            beta = candidate;
            double improvement = loss - newLoss;
            loss = newLoss;
            if (maxChange < TOLERANCE || improvement < TOLERANCE * 1e-3 * Math.max(1, Math.abs(loss))) {
                break;
            }
        }
        return beta;
    }

    /** Class probabilities for one design row, written into {@code out}. */
    static void probabilities(double[][] beta, double[] zi, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < beta.length; k++) {
            out[k] = Matrices.dot(beta[k], zi);
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < beta.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < beta.length; k++) {
            out[k] /= sum;
        }
    }

    private static double loss(double[][] z, int[] label, int[] rows, double[][] beta, double lambda, double[] prob) {
        double loss = 0;
        for (int r : rows) {
            probabilities(beta, z[r], prob);
            loss -= Math.log(Math.max(prob[label[r]], 1e-300));
        }
        for (int j = 1; j < beta.length; j++) {
            for (int a = 1; a < beta[j].length; a++) {
                loss += 0.5 * lambda * beta[j][a] * beta[j][a];
            }
        }
        return loss;
    }
}
