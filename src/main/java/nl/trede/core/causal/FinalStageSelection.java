package nl.trede.core.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Chooses and fits the DR-learner's final stage from the training data alone. Its only inputs are
 * the clients' features, their doubly robust pseudo-outcomes, who is on support, the priors and the
 * folds: nothing of a simulator's truth can reach it (this package sits below the simulator and its
 * evaluation, and LayeringTest checks that on the compiled classes).
 *
 * <p>Criterion: the DR loss, the mean squared difference between a client's pseudo-outcome and a
 * candidate's held-out prediction of the effect, over on-support clients, summed over the arms
 * asked for. Because the pseudo-outcome is an unbiased signal of the client's effect, the DR loss
 * differs from the (unknowable) squared error of the effect by a constant that is the same for every
 * candidate, so the candidate with the smallest DR loss is the one closest to the truth, up to
 * noise. Candidates: ridge-penalised linear stages at a few penalties and boosted trees at depth 2
 * and 3 with several numbers of rounds, each fitted on the other selection folds. Then the prior's
 * weight s in {@code (1-s) learned + s prior} is chosen the same way, from the winner's held-out
 * predictions.
 */
final class FinalStageSelection {

    private static final int SELECTION_FOLDS = 3;
    private static final double[] PRIOR_WEIGHTS = {0, 0.25, 0.5, 0.75, 1};
    private static final int[] DEPTHS = {2, 3};

    private final DoublyRobustEstimator.Settings settings;
    private final double[][] x;
    private final double[][] z;
    private final int[] columns;
    private final double[][] psi;
    private final boolean[][] onSupport;
    private final int[] arms;
    private final double[][] prior;
    private final int[] fold;
    private final long[] ids;

    /**
     * @param psi       {@code [K][n]} pseudo-outcomes (row 0 unused)
     * @param arms      the treatment arms whose client-level effect is asked for
     * @param prior     {@code [n][K]} prior mean effect of each arm per client, or null
     * @param fold      the cross-fitting fold of each client; selection folds are {@code fold % 3}
     * @param ids       a stable id per client, which keys its bootstrap weights
     */
    FinalStageSelection(DoublyRobustEstimator.Settings settings, double[][] x, double[][] z, int[] columns,
                        double[][] psi, boolean[][] onSupport, int[] arms, double[][] prior, int[] fold, long[] ids) {
        this.settings = settings;
        this.x = x;
        this.z = z;
        this.columns = columns;
        this.psi = psi;
        this.onSupport = onSupport;
        this.arms = arms;
        this.prior = prior;
        this.fold = fold;
        this.ids = ids;
    }

    /** One candidate: a linear stage with a penalty, or trees of a depth with a number of rounds. */
    private record Candidate(String kind, double penalty, int depth, int rounds) {

        String label() {
            return FinalStage.LINEAR.equals(kind) ? String.format(Locale.ROOT, "linear (ridge %.3g)", penalty)
                    : String.format(Locale.ROOT, "boosted trees (depth %d, %d rounds)", depth, rounds);
        }
    }

    FinalStage fit() {
        int n = x.length;
        int selectionFolds = Math.min(SELECTION_FOLDS, settings.folds());
        List<Candidate> candidates = new ArrayList<>();
        List<double[][]> heldOut = new ArrayList<>(); // per candidate: [arm index][n] held-out prediction
        if (settings.finalStage() != DoublyRobustEstimator.Choice.FLEXIBLE) {
            for (double penalty : new double[] {1, 0.01 * n, 0.1 * n}) {
                candidates.add(new Candidate(FinalStage.LINEAR, penalty, 0, 0));
                heldOut.add(new double[arms.length][n]);
            }
        }
        int[] rounds = roundCheckpoints();
        if (settings.finalStage() != DoublyRobustEstimator.Choice.LINEAR) {
            for (int depth : DEPTHS) {
                for (int r : rounds) {
                    candidates.add(new Candidate(FinalStage.FLEXIBLE, 0, depth, r));
                    heldOut.add(new double[arms.length][n]);
                }
            }
        }
        double[][] zColumns = linearDesign();
        BoostedTrees.Binned binned = new BoostedTrees.Binned(x, columns);
        double[][] margins = new double[rounds.length][1];
        for (int a = 0; a < arms.length; a++) {
            int arm = arms[a];
            for (int f = 0; f < selectionFolds; f++) {
                int current = f;
                int[] train = supported(arm, i -> fold[i] % selectionFolds != current);
                int[] test = supported(arm, i -> fold[i] % selectionFolds == current);
                for (int c = 0; c < candidates.size(); c++) {
                    Candidate candidate = candidates.get(c);
                    if (FinalStage.LINEAR.equals(candidate.kind())) {
                        double[] b = RidgeRegression.fit(zColumns, psi[arm], train, candidate.penalty()).coefficients();
                        for (int i : test) {
                            heldOut.get(c)[a][i] = Matrices.dot(b, zColumns[i]);
                        }
                    } else if (candidate.rounds() == rounds[0]) { // one fit per depth serves every number of rounds
                        BoostedTrees.Ensemble e = BoostedTrees.fit(binned, psi[arm], 1, train, null, null,
                                BoostedTrees.Loss.SQUARED, params(candidate.depth(), rounds[rounds.length - 1], train.length),
                                settings.seed() + 31L * f + candidate.depth());
                        double[] row = new double[columns.length];
                        for (int i : test) {
                            for (int j = 0; j < columns.length; j++) {
                                row[j] = x[i][columns[j]];
                            }
                            e.marginsAt(row, rounds, margins);
                            for (int r = 0; r < rounds.length; r++) {
                                heldOut.get(c + r)[a][i] = margins[r][0];
                            }
                        }
                    }
                }
            }
        }
        StringBuilder why = new StringBuilder("cross-validated DR loss on ").append(selectionFolds)
                .append(" folds of the training data:");
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int c = 0; c < candidates.size(); c++) {
            double loss = drLoss(heldOut.get(c), 0);
            why.append(String.format(Locale.ROOT, " %s %.5f;", candidates.get(c).label(), loss));
            if (loss < bestLoss) {
                bestLoss = loss;
                best = c;
            }
        }
        Candidate chosen = candidates.get(best);
        double priorWeight = 0;
        if (prior != null) {
            double bestBlend = Double.POSITIVE_INFINITY;
            why.append(" prior weight:");
            for (double s : PRIOR_WEIGHTS) {
                double loss = drLoss(heldOut.get(best), s);
                why.append(String.format(Locale.ROOT, " %.2f %.5f;", s, loss));
                if (loss < bestBlend) {
                    bestBlend = loss;
                    priorWeight = s;
                }
            }
        }
        why.append(" chosen: ").append(chosen.label()).append(String.format(Locale.ROOT, ", prior weight %.2f", priorWeight));
        return FinalStage.LINEAR.equals(chosen.kind()) ? linear(chosen, zColumns, priorWeight, why.toString())
                : flexible(chosen, binned, priorWeight, why.toString());
    }

    /** Mean squared difference between pseudo-outcome and held-out prediction (blended with the prior by s). */
    private double drLoss(double[][] prediction, double s) {
        double sum = 0;
        long count = 0;
        for (int a = 0; a < arms.length; a++) {
            int arm = arms[a];
            for (int i = 0; i < x.length; i++) {
                if (onSupport[i][arm]) {
                    double estimate = (1 - s) * prediction[a][i] + (s == 0 ? 0 : s * prior[i][arm]);
                    sum += (psi[arm][i] - estimate) * (psi[arm][i] - estimate);
                    count++;
                }
            }
        }
        return sum / Math.max(1, count);
    }

    private int[] roundCheckpoints() {
        int max = settings.finalRounds();
        return new int[] {Math.max(1, max / 8), Math.max(1, max / 4), Math.max(1, max / 2), max};
    }

    private BoostedTrees.Params params(int depth, int rounds, int rows) {
        return new BoostedTrees.Params(depth, 0.2, rounds, 1.0, Math.max(50, rows / 50), 0.7);
    }

    /** The intercept and the standardised final-stage columns. */
    private double[][] linearDesign() {
        double[][] result = new double[z.length][columns.length + 1];
        for (int i = 0; i < z.length; i++) {
            result[i][0] = 1;
            for (int c = 0; c < columns.length; c++) {
                result[i][c + 1] = z[i][columns[c] + 1];
            }
        }
        return result;
    }

    private int[] supported(int arm, java.util.function.IntPredicate keep) {
        int[] rows = java.util.stream.IntStream.range(0, x.length).filter(i -> onSupport[i][arm] && keep.test(i)).toArray();
        return rows.length > 0 ? rows : java.util.stream.IntStream.range(0, x.length).filter(keep).toArray();
    }

    /** Ridge per arm (every treatment arm: it is cheap) with one joint sandwich covariance, written at full width. */
    private FinalStage linear(Candidate chosen, double[][] zColumns, double priorWeight, String why) {
        int treatments = psi.length - 1;
        int width = columns.length + 1;
        double[][] small = new double[treatments][];
        double[][][] gramInverse = new double[treatments][][];
        double[][] residual = new double[treatments][x.length];
        for (int k = 1; k <= treatments; k++) {
            int[] rows = supported(k, i -> true);
            RidgeRegression.Fit fit = RidgeRegression.fit(zColumns, psi[k], rows, chosen.penalty());
            small[k - 1] = fit.coefficients();
            gramInverse[k - 1] = fit.gramInverse();
            for (int i : rows) {
                residual[k - 1][i] = psi[k][i] - Matrices.dot(fit.coefficients(), zColumns[i]);
            }
        }
        double[][] smallCovariance = DoublyRobustEstimator.sandwich(zColumns, residual, gramInverse, width);
        int full = z[0].length;
        int[] position = new int[width];
        for (int c = 0; c < columns.length; c++) {
            position[c + 1] = columns[c] + 1;
        }
        double[][] coefficients = new double[treatments][full];
        double[][] covariance = new double[treatments * full][treatments * full];
        for (int b = 0; b < treatments; b++) {
            for (int s = 0; s < width; s++) {
                coefficients[b][position[s]] = small[b][s];
                for (int b2 = 0; b2 < treatments; b2++) {
                    for (int t = 0; t < width; t++) {
                        covariance[b * full + position[s]][b2 * full + position[t]] = smallCovariance[b * width + s][b2 * width + t];
                    }
                }
            }
        }
        return new FinalStage(FinalStage.LINEAR, columns, priorWeight, coefficients, covariance, List.of(), why);
    }

    /** The chosen trees refitted on bootstrap replicates of the on-support clients of every arm asked for. */
    private FinalStage flexible(Candidate chosen, BoostedTrees.Binned binned, double priorWeight, String why) {
        int treatments = psi.length - 1;
        int replicates = settings.replicates();
        double[][] weight = new double[replicates][x.length];
        for (int i = 0; i < x.length; i++) {
            SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + ids[i]);
            for (int b = 0; b < replicates; b++) {
                weight[b][i] = poisson1(random);
            }
        }
        List<List<BoostedTrees.Ensemble>> result = new ArrayList<>();
        for (int k = 1; k <= treatments; k++) {
            int arm = k;
            if (Arrays.stream(arms).noneMatch(a -> a == arm)) {
                result.add(List.of());
                continue;
            }
            int[] rows = supported(arm, i -> true);
            List<BoostedTrees.Ensemble> bag = new ArrayList<>();
            for (int b = 0; b < replicates; b++) {
                double[] w = weight[b];
                int[] drawn = Arrays.stream(rows).filter(i -> w[i] > 0).toArray();
                bag.add(BoostedTrees.fit(binned, psi[arm], 1, drawn, w, null, BoostedTrees.Loss.SQUARED,
                        params(chosen.depth(), chosen.rounds(), rows.length), settings.seed() + 1000L * b + arm)
                        .onColumns(columns));
            }
            result.add(List.copyOf(bag));
        }
        return new FinalStage(FinalStage.FLEXIBLE, columns, priorWeight, null, null, List.copyOf(result), why);
    }

    /** A Poisson(1) draw: the number of times a client appears in a bootstrap replicate. */
    private static int poisson1(SplittableRandom random) {
        double limit = Math.exp(-1);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
