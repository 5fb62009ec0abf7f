package nl.trede.core.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds the threshold and interaction terms a linear final stage misses, from the data alone.
 *
 * <p>On the clients on support, the pseudo-outcome's residual after the linear final stage is
 * searched greedily (forward selection, as in a regression tree's first splits but additive): at
 * each step the candidate term that explains most of the remaining residual is added. Candidates are
 * one condition on a column ({@code x >= cut}, cuts at the deciles of the data, a 0/1 column at 0.5)
 * and, once a condition is chosen, that condition together with a second one on another column
 * (both sides of each cut). How many terms to keep is chosen by cross-validation on the estimator's
 * folds: the search is rerun on every training part, and the held-out squared error of the
 * pseudo-outcome (the DR loss, which needs no ground truth) is compared over the number of terms.
 * Terms are kept in order while the next one lowers that loss by more than 1.5 standard errors of
 * the paired difference: pseudo-outcomes are so noisy that the plain minimum keeps terms that only
 * fit noise (the largest of a hundred noise candidates lies about three standard errors out).
 */
public final class TermSearch {

    /** A column the search may cut, and its missing indicator (-1: none). */
    public record Candidate(int column, int missingColumn) {
    }

    /** The chosen terms, the held-out loss of every number of terms, and the standard error of each step from one fewer. */
    record Result(List<EffectTerm> terms, double[] heldOutLoss, double[] heldOutLossSe) {

        /** What was kept and why, for a model's provenance. */
        String describe(int maxTerms) {
            return terms.size() + " of at most " + maxTerms + " (held-out DR loss by number of terms: " + Arrays.toString(heldOutLoss)
                    + ", standard errors of each step " + Arrays.toString(heldOutLossSe) + "; terms kept while a step lowers it by more than "
                    + SIGNIFICANT + " of them)";
        }
    }

    private static final int QUANTILES = 10;
    /** A term is kept when it lowers the held-out loss by more than this many standard errors. */
    private static final double SIGNIFICANT = 1.5;
    /** A term must cover at least this share of the clients it is searched on, and leave as many out. */
    private static final double MIN_SHARE = 0.05;

    private final int maxTerms;

    TermSearch(int maxTerms) {
        this.maxTerms = maxTerms;
    }

    /**
     * @param x          raw features of every client
     * @param psi        the arm's pseudo-outcome per client
     * @param rows       the clients on support
     * @param base       the linear final stage's design (intercept first), per client
     * @param penalties  its ridge penalties
     * @param fold       cross-fitting fold per client
     * @param folds      number of folds
     */
    Result search(double[][] x, double[] psi, int[] rows, double[][] base, double[] penalties, List<Candidate> candidates,
                  int[] fold, int folds) {
        List<EffectTerm.Condition> conditions = conditions(x, rows, candidates);
        if (conditions.isEmpty() || maxTerms == 0) {
            return new Result(List.of(), new double[] {0}, new double[] {0});
        }
        int n = x.length;
        double[][] loss = new double[maxTerms + 1][n];
        boolean[] heldOut = new boolean[n];
        for (int f = 0; f < folds; f++) {
            int current = f;
            int[] train = Arrays.stream(rows).filter(i -> fold[i] != current).toArray();
            int[] test = Arrays.stream(rows).filter(i -> fold[i] == current).toArray();
            Path path = path(x, psi, train, base, penalties, conditions, maxTerms);
            for (int i : test) {
                heldOut[i] = true;
                for (int length = 0; length <= maxTerms; length++) {
                    double error = psi[i] - path.predict(x[i], base[i], Math.min(length, path.terms.size()));
                    loss[length][i] = error * error;
                }
            }
        }
        int[] judged = Arrays.stream(rows).filter(i -> heldOut[i]).toArray();
        double[] mean = new double[maxTerms + 1];
        double[] se = new double[maxTerms + 1]; // of the step from one number of terms fewer
        for (int length = 0; length <= maxTerms; length++) {
            mean[length] = average(loss[length], judged);
            se[length] = length == 0 ? 0 : pairedSe(loss[length], loss[length - 1], judged);
        }
        int chosen = 0;
        while (chosen < maxTerms && mean[chosen] - mean[chosen + 1] > SIGNIFICANT * se[chosen + 1]) {
            chosen++;
        }
        List<EffectTerm> terms = chosen == 0 ? List.of() : path(x, psi, rows, base, penalties, conditions, chosen).terms;
        return new Result(List.copyOf(terms), mean, se);
    }

    /** One condition per decile cut of every candidate column, on the clients searched (a 0/1 column: one). */
    static List<EffectTerm.Condition> conditions(double[][] x, int[] rows, List<Candidate> candidates) {
        List<EffectTerm.Condition> result = new ArrayList<>();
        for (Candidate c : candidates) {
            double[] values = Arrays.stream(rows).filter(i -> c.missingColumn() < 0 || x[i][c.missingColumn()] == 0)
                    .mapToDouble(i -> x[i][c.column()]).sorted().toArray();
            if (values.length == 0) {
                continue;
            }
            double previous = Double.NaN;
            for (int q = 1; q < QUANTILES; q++) {
                double cut = values[q * values.length / QUANTILES];
                if (cut == previous || cut == values[0]) {
                    continue;
                }
                previous = cut;
                EffectTerm.Condition condition = new EffectTerm.Condition(c.column(), cut, true, c.missingColumn());
                if (covers(condition, x, rows)) {
                    result.add(condition);
                }
            }
        }
        return result;
    }

    private static boolean covers(EffectTerm.Condition condition, double[][] x, int[] rows) {
        int on = 0;
        for (int i : rows) {
            on += condition.holds(x[i]) ? 1 : 0;
        }
        return on >= MIN_SHARE * rows.length && rows.length - on >= MIN_SHARE * rows.length;
    }

    /** The greedy sequence of terms on some clients, and the final stage refitted with each number of them. */
    private static final class Path {
        final List<EffectTerm> terms = new ArrayList<>();
        /** Per term: its mean and sd over the clients searched (terms enter standardised). */
        final List<double[]> standardisation = new ArrayList<>();
        /** Per path length: the coefficients of the base columns and then of the terms, fitted jointly. */
        final List<double[]> coefficients = new ArrayList<>();

        double predict(double[] x, double[] baseRow, int length) {
            double[] b = coefficients.get(length);
            double prediction = 0;
            for (int c = 0; c < baseRow.length; c++) {
                prediction += b[c] * baseRow[c];
            }
            for (int t = 0; t < length; t++) {
                double[] meanAndSd = standardisation.get(t);
                prediction += b[baseRow.length + t] * (terms.get(t).value(x) - meanAndSd[0]) / meanAndSd[1];
            }
            return prediction;
        }
    }

    /**
     * Forward selection: refit the final stage with the terms so far (base columns at their penalties,
     * terms lightly penalised), then add the candidate with the largest robust score statistic on its
     * residual. Pairs are a condition chosen so far together with a condition on another column,
     * either side (hierarchical: an interaction enters after one of its parts). Few candidates matter:
     * the more there are, the further out the largest noise score lies.
     *
     * @param steps the most terms to add (a path's first terms do not depend on how long it runs)
     */
    private static Path path(double[][] x, double[] psi, int[] rows, double[][] base, double[] penalties,
                             List<EffectTerm.Condition> conditions, int steps) {
        int m = rows.length;
        boolean[][] singles = new boolean[conditions.size()][m];
        for (int c = 0; c < conditions.size(); c++) {
            for (int r = 0; r < m; r++) {
                singles[c][r] = conditions.get(c).holds(x[rows[r]]);
            }
        }
        Path path = new Path();
        List<boolean[]> chosen = new ArrayList<>();
        for (int step = 0; ; step++) {
            double[] residual = refit(path, chosen, base, penalties, psi, rows);
            if (step == steps) {
                return path;
            }
            Sums all = new Sums();
            for (double e : residual) {
                all.add(e);
            }
            double bestScore = 0;
            boolean[] bestOn = null;
            EffectTerm bestTerm = null;
            for (int c = 0; c < conditions.size(); c++) {
                Sums on = new Sums();
                for (int r = 0; r < m; r++) {
                    if (singles[c][r]) {
                        on.add(residual[r]);
                    }
                }
                EffectTerm term = EffectTerm.of(conditions.get(c));
                double score = score(on, all);
                if (score > bestScore && !path.terms.contains(term)) {
                    bestScore = score;
                    bestOn = singles[c];
                    bestTerm = term;
                }
            }
            List<Integer> pairable = path.terms.stream().filter(t -> t.conditions().size() == 1)
                    .map(t -> conditions.indexOf(t.conditions().get(0))).toList();
            for (int s : pairable) {
                int[] members = IntStream.range(0, m).filter(r -> singles[s][r]).toArray();
                Sums group = new Sums();
                for (int r : members) {
                    group.add(residual[r]);
                }
                for (int c = 0; c < conditions.size(); c++) {
                    if (conditions.get(c).column() == conditions.get(s).column()) {
                        continue;
                    }
                    Sums both = new Sums();
                    for (int r : members) {
                        if (singles[c][r]) {
                            both.add(residual[r]);
                        }
                    }
                    for (boolean same : new boolean[] {true, false}) {
                        double score = score(same ? both : group.minus(both), all);
                        EffectTerm term = EffectTerm.of(conditions.get(s)).and(same ? conditions.get(c) : conditions.get(c).negated());
                        if (score > bestScore && !path.terms.contains(term)) {
                            bestScore = score;
                            bestOn = new boolean[m];
                            for (int r : members) {
                                bestOn[r] = singles[c][r] == same;
                            }
                            bestTerm = term;
                        }
                    }
                }
            }
            if (bestTerm == null) {
                return path;
            }
            path.terms.add(bestTerm);
            chosen.add(bestOn);
            double share = share(bestOn);
            path.standardisation.add(new double[] {share, Math.sqrt(share * (1 - share))});
        }
    }

    /** The final stage with the path's terms, fitted on the rows; its coefficients join the path, its residual is returned. */
    private static double[] refit(Path path, List<boolean[]> chosen, double[][] base, double[] penalties, double[] psi, int[] rows) {
        int q = base[rows[0]].length;
        int t = chosen.size();
        double[][] design = new double[base.length][];
        for (int r = 0; r < rows.length; r++) {
            double[] row = Arrays.copyOf(base[rows[r]], q + t);
            for (int j = 0; j < t; j++) {
                double[] meanAndSd = path.standardisation.get(j);
                row[q + j] = ((chosen.get(j)[r] ? 1 : 0) - meanAndSd[0]) / meanAndSd[1];
            }
            design[rows[r]] = row;
        }
        double[] allPenalties = Arrays.copyOf(penalties, q + t);
        Arrays.fill(allPenalties, q, q + t, 1);
        double[] b = RidgeRegression.fit(design, psi, rows, allPenalties).coefficients();
        path.coefficients.add(b);
        double[] residual = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            residual[r] = psi[rows[r]] - Matrices.dot(b, design[rows[r]]);
        }
        return residual;
    }

    private static double share(boolean[] on) {
        int count = 0;
        for (boolean b : on) {
            count += b ? 1 : 0;
        }
        return count / (double) on.length;
    }

    /** Count, sum and sum of squares of residuals over some clients. */
    private static final class Sums {
        int count;
        double sum;
        double squares;

        void add(double e) {
            count++;
            sum += e;
            squares += e * e;
        }

        Sums minus(Sums part) {
            Sums rest = new Sums();
            rest.count = count - part.count;
            rest.sum = sum - part.sum;
            rest.squares = squares - part.squares;
            return rest;
        }
    }

    /**
     * The robust score statistic of a term against the residual, {@code (v'r)^2 / sum (v_i r_i)^2} with
     * {@code v} the term's 0/1 values centred: the squared t-statistic of adding it, with a variance
     * that allows for the pseudo-outcome's heavy tails (a few clients with large inverse-propensity
     * weights would otherwise make any term that happens to cover them look strong).
     *
     * @param on  the residuals of the clients the term covers
     * @param all the residuals of every client searched
     */
    private static double score(Sums on, Sums all) {
        double share = on.count / (double) all.count;
        if (share < MIN_SHARE || 1 - share < MIN_SHARE) {
            return 0;
        }
        double vr = on.sum - share * all.sum;
        double variance = (1 - share) * (1 - share) * on.squares + share * share * (all.squares - on.squares);
        return variance > 0 ? vr * vr / variance : 0;
    }

    private static double average(double[] loss, int[] rows) {
        double s = 0;
        for (int i : rows) {
            s += loss[i];
        }
        return s / rows.length;
    }

    /** Standard error of the mean difference between two per-client losses. */
    private static double pairedSe(double[] a, double[] b, int[] rows) {
        double mean = 0;
        for (int i : rows) {
            mean += a[i] - b[i];
        }
        mean /= rows.length;
        double squares = 0;
        for (int i : rows) {
            double d = a[i] - b[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (rows.length - 1) / rows.length);
    }
}
