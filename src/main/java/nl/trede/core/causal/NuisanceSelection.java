package nl.trede.core.causal;

import java.util.Arrays;
import java.util.Locale;

/**
 * Cross-fitted nuisance models, each chosen by its cross-validated loss: the propensity over all
 * arms (log loss) and each arm's outcome model (log loss for a 0/1 outcome, squared error for an
 * amount). The candidates are a ridge-penalised linear model on the standardised features and a
 * boosted tree ensemble on the raw features at several numbers of rounds. In every fold each
 * candidate is fitted afresh on the other folds (no warm start from another fold) and predicts the
 * held-out fold; the held-out predictions are both the selection criterion and, for the chosen
 * candidate, the cross-fitted nuisance estimates of the AIPW scores. The chosen candidate is then
 * refitted on all rows for the stored model (support rule, T-learner).
 */
final class NuisanceSelection {

    /** The chosen model refitted on all rows, its held-out predictions ({@code [n][outputs]}) and why it was chosen. */
    record Chosen(Nuisance full, double[][] outOfFold) {
    }

    private final double[][] x;
    private final double[][] z;
    private final BoostedTrees.Binned binned;
    private final int[] fold;
    private final int folds;
    private final DoublyRobustEstimator.Choice candidates;
    private final BoostedTrees.Params boosting;
    private final int[] checkpoints;
    private final long seed;

    NuisanceSelection(double[][] x, double[][] z, BoostedTrees.Binned binned, int[] fold, int folds,
                      DoublyRobustEstimator.Choice candidates, BoostedTrees.Params boosting, long seed) {
        this.x = x;
        this.z = z;
        this.binned = binned;
        this.fold = fold;
        this.folds = folds;
        this.candidates = candidates;
        this.boosting = boosting;
        this.seed = seed;
        int max = boosting.rounds();
        this.checkpoints = new int[] {Math.max(1, max / 4), Math.max(1, max / 2), max};
    }

    /** The propensity of every arm; {@code outOfFold[i]} are client i's held-out class probabilities. */
    Chosen propensity(int[] arm, int arms, double lambda) {
        int n = arm.length;
        double[] target = new double[n];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            target[i] = arm[i];
            all[i] = i;
        }
        return choose(new Task(BoostedTrees.Loss.SOFTMAX, arms, target, all, all, lambda, null));
    }

    /** The outcome model of one arm, fitted on its clients, predicting everyone ({@code outOfFold[i][0]}). */
    Chosen outcome(OutcomeType type, double[] y, int[] arm, int k, double lambda) {
        int n = y.length;
        int[] own = java.util.stream.IntStream.range(0, n).filter(i -> arm[i] == k).toArray();
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        BoostedTrees.Loss loss = type == OutcomeType.BINARY ? BoostedTrees.Loss.LOGISTIC : BoostedTrees.Loss.SQUARED;
        return choose(new Task(loss, 1, y, own, all, lambda, type));
    }

    /** One nuisance model to learn: fitted on {@code fitRows}, predicting {@code predictRows}. */
    private record Task(BoostedTrees.Loss loss, int outputs, double[] target, int[] fitRows, int[] predictRows,
                        double lambda, OutcomeType type) {
    }

    private Chosen choose(Task task) {
        int n = x.length;
        boolean[] fits = new boolean[n];
        for (int r : task.fitRows()) {
            fits[r] = true;
        }
        double[][] linearOut = new double[n][task.outputs()];
        double[][][] boostedOut = new double[checkpoints.length][n][task.outputs()];
        double linearLoss = 0;
        double[] boostedLoss = new double[checkpoints.length];
        boolean tryLinear = candidates != DoublyRobustEstimator.Choice.FLEXIBLE;
        boolean tryBoosted = candidates != DoublyRobustEstimator.Choice.LINEAR;
        double[][] margins = new double[checkpoints.length][task.outputs()];
        for (int f = 0; f < folds; f++) {
            int current = f;
            int[] train = Arrays.stream(task.fitRows()).filter(i -> fold[i] != current).toArray();
            int[] test = Arrays.stream(task.predictRows()).filter(i -> fold[i] == current).toArray();
            if (tryLinear) {
                double[][] beta = fitLinear(task, train);
                for (int i : test) {
                    predictLinear(task, beta, i, linearOut[i]);
                    if (fits[i]) {
                        linearLoss += loss(task, linearOut[i], i);
                    }
                }
            }
            if (tryBoosted) {
                BoostedTrees.Ensemble e = BoostedTrees.fit(binned, task.target(), task.outputs(), train, null, null,
                        task.loss(), boosting, seed + f);
                for (int i : test) {
                    e.marginsAt(x[i], checkpoints, margins);
                    for (int c = 0; c < checkpoints.length; c++) {
                        toMean(task, margins[c], boostedOut[c][i]);
                        if (fits[i]) {
                            boostedLoss[c] += loss(task, boostedOut[c][i], i);
                        }
                    }
                }
            }
        }
        int fitted = task.fitRows().length;
        int best = -1;
        double bestLoss = tryLinear ? linearLoss : Double.POSITIVE_INFINITY;
        for (int c = 0; tryBoosted && c < checkpoints.length; c++) {
            if (boostedLoss[c] < bestLoss) {
                bestLoss = boostedLoss[c];
                best = c;
            }
        }
        StringBuilder why = new StringBuilder("cross-validated ")
                .append(task.loss() == BoostedTrees.Loss.SQUARED ? "mean squared error" : "log loss").append(':');
        if (tryLinear) {
            why.append(String.format(Locale.ROOT, " linear (ridge %.3g) %.5f", task.lambda(), linearLoss / fitted));
        }
        for (int c = 0; tryBoosted && c < checkpoints.length; c++) {
            why.append(String.format(Locale.ROOT, "; boosted trees (depth %d, %d rounds) %.5f", boosting.depth(),
                    checkpoints[c], boostedLoss[c] / fitted));
        }
        if (best < 0) {
            return new Chosen(Nuisance.linear(fitLinear(task, task.fitRows()), "linear; " + why), linearOut);
        }
        BoostedTrees.Ensemble full = BoostedTrees.fit(binned, task.target(), task.outputs(), task.fitRows(), null, null,
                task.loss(), boosting.withRounds(checkpoints[best]), seed + folds);
        return new Chosen(Nuisance.boosted(full, "boosted trees (" + checkpoints[best] + " rounds); " + why), boostedOut[best]);
    }

    private double[][] fitLinear(Task task, int[] rows) {
        return switch (task.loss()) {
            case SOFTMAX -> SoftmaxRegression.fit(z, toLabels(task.target()), task.outputs(), rows, task.lambda());
            case LOGISTIC -> new double[][] {SoftmaxRegression.fit(z, toLabels(task.target()), 2, rows, task.lambda())[1]};
            case SQUARED -> new double[][] {RidgeRegression.fit(z, task.target(), rows, task.lambda()).coefficients()};
        };
    }

    private void predictLinear(Task task, double[][] beta, int i, double[] out) {
        if (task.loss() == BoostedTrees.Loss.SOFTMAX) {
            SoftmaxRegression.probabilities(beta, z[i], out);
        } else {
            out[0] = task.type().mean(Matrices.dot(beta[0], z[i]));
        }
    }

    private static void toMean(Task task, double[] margin, double[] out) {
        if (task.loss() == BoostedTrees.Loss.SOFTMAX) {
            BoostedTrees.softmax(margin, 0, task.outputs(), out);
        } else {
            out[0] = task.type().mean(margin[0]);
        }
    }

    private static double loss(Task task, double[] prediction, int i) {
        double y = task.target()[i];
        return switch (task.loss()) {
            case SOFTMAX -> -Math.log(Math.max(prediction[(int) y], 1e-12));
            case LOGISTIC -> -Math.log(Math.max(y == 1 ? prediction[0] : 1 - prediction[0], 1e-12));
            case SQUARED -> (y - prediction[0]) * (y - prediction[0]);
        };
    }

    private static int[] toLabels(double[] target) {
        int[] label = new int[target.length];
        for (int i = 0; i < target.length; i++) {
            label[i] = (int) target[i];
        }
        return label;
    }
}
