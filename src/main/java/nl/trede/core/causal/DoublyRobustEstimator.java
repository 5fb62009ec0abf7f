package nl.trede.core.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Heterogeneous treatment effects from confounded observational data with a control and one or
 * more treatment arms, for a binary or continuous outcome.
 *
 * <ol>
 * <li>Cross-fitting: clients are split into K folds, stratified by arm. For each fold a
 * multinomial logistic propensity model and one outcome model per arm (logistic for a 0/1
 * outcome, linear otherwise; all ridge-penalised on standardised features) are fitted on the
 * other folds and predict the held-out fold, so no client's nuisance estimates saw that client.
 * The propensity model also adjusts for the data's assignment features (what the choice depended on
 * besides the client: the advice shown), which no outcome or effect model sees; where a client's
 * arm was drawn by design, its known probability replaces the estimated one.</li>
 * <li>AIPW scores: {@code Gamma_k = mu_k + 1{A=k}(Y - mu_k)/e_k}, and the pseudo-outcome
 * {@code psi_k = Gamma_k - Gamma_0}. Propensities in the weights are clipped below at
 * {@code propensityClip} (0.01); no client is dropped from the ATE, whose estimand stays the whole
 * population. ATE_k = mean(psi_k), with standard error sd(psi_k)/sqrt(n) (influence function).</li>
 * <li>ATT_k (doubly robust): {@code [sum_{A=k}(Y - mu_0) - sum_{A=0} (e_k/e_0)(Y - mu_0)] / n_k},
 * with standard error from its influence function
 * {@code [1{A=k}(Y - mu_0 - ATT) - 1{A=0}(e_k/e_0)(Y - mu_0)] / P(A=k)}.</li>
 * <li>DR-learner: for each arm, ridge regression of psi_k on the standardised features, over the
 * clients on support for that arm. The coefficients of all arms get one joint sandwich (HC0)
 * covariance, which gives each client's interval and the covariance between arms for ties. The
 * interval ignores the (second-order) error of the cross-fitted nuisances, and is an interval for
 * the best linear approximation of the effect when the true effect is not linear in the features.</li>
 * <li>Support: see {@link DrLearnerModel#support}. Propensity thresholds are
 * {@code max(supportAbsolute, supportRelative x share of the arm)}: a client for whom an arm is
 * ten times rarer than overall has too few comparable clients who received it.</li>
 * </ol>
 *
 * Deterministic for a fixed seed. Use:
 * <pre>{@code
 * CausalFit fit = new DoublyRobustEstimator(Settings.defaults()).fit(data);
 * fit.arm(1).ate();                                   // population effect of arm 1, with ateLower/ateUpper
 * ClientEffects c = fit.model().predict(x, priors);   // one client, shrunk toward per-arm priors
 * c.effect(1).priorShare(); c.effect(1).onSupport(); c.tied(1, 2); c.bestAndTied();
 * String sha = fit.model().save(path);  DrLearnerModel.load(path, sha);
 * }</pre>
 */
public final class DoublyRobustEstimator {

    private static final double Z95 = 1.959963984540054;

    private final Settings settings;

    /**
     * Tuning of the estimator. Penalties are on standardised features and add to a Gram matrix
     * that grows with n, so 1.0 is light regularisation for any sizeable data set.
     *
     * @param folds            cross-fitting folds (at least 2)
     * @param seed             seeds the fold assignment
     * @param propensityClip   lower bound on propensities in the AIPW weights
     * @param supportAbsolute  propensity threshold below which a client is always off support
     * @param supportRelative  ... or below this fraction of the arm's share of all clients
     */
    public record Settings(int folds, long seed, double propensityClip, double supportAbsolute,
                           double supportRelative, double propensityLambda, double outcomeLambda,
                           double finalLambda) {

        public Settings {
            if (folds < 2) {
                throw new IllegalArgumentException("cross-fitting needs at least 2 folds");
            }
            if (!(propensityClip > 0 && propensityClip < 0.5)) {
                throw new IllegalArgumentException("propensityClip must be in (0, 0.5)");
            }
        }

        /** 5 folds, clip 0.01, support threshold max(0.01, 0.1 x arm share), penalties 1. */
        public static Settings defaults() {
            return new Settings(5, 20_260_101L, 0.01, 0.01, 0.1, 1.0, 1.0, 1.0);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(folds, newSeed, propensityClip, supportAbsolute, supportRelative,
                    propensityLambda, outcomeLambda, finalLambda);
        }

        public Settings withFolds(int newFolds) {
            return new Settings(newFolds, seed, propensityClip, supportAbsolute, supportRelative,
                    propensityLambda, outcomeLambda, finalLambda);
        }

        /** The smallest number of clients an arm needs to be estimated. */
        public int minimumArmSize() {
            return Math.max(10, 2 * folds);
        }
    }

    public DoublyRobustEstimator(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Fits propensity, outcome and effect models and estimates the population effects.
     *
     * @throws IllegalArgumentException when an arm has fewer than {@link Settings#minimumArmSize()} clients
     */
    public CausalFit fit(CausalData data) {
        return fit(data, null);
    }

    /**
     * As {@link #fit(CausalData)}, but the DR-learner's final stage (the client-level effect) is
     * linear in the given feature columns only, while the propensity and outcome models still adjust
     * for every column. A short list of named effect modifiers keeps client effects estimable from
     * a few thousand treated clients; confounding is still handled by the full nuisance models. The
     * saved model has the usual shape: coefficients (and covariance) of the other columns are zero.
     *
     * @param effectColumns indices into {@code data.featureNames()}, or null for all columns
     */
    public CausalFit fit(CausalData data, int[] effectColumns) {
        return fit(data, effectColumns, new int[0]);
    }

    /**
     * As {@link #fit(CausalData, int[])}, with some of the effect columns only lightly penalised
     * (penalty 1) in the final stage: e.g. a prior effect column, so that the penalty shrinks client
     * effects toward the prior's shape (with a learned scale and level) instead of toward a constant.
     *
     * @param lightColumns indices into {@code data.featureNames()} (among effectColumns)
     */
    public CausalFit fit(CausalData data, int[] effectColumns, int[] lightColumns) {
        return fit(data, effectColumns, lightColumns, List.of());
    }

    /** As {@link #fit(CausalData)}, every column in the final stage, and the terms {@link TermSearch} finds for any treatment arm. */
    public CausalFit fitWithTerms(CausalData data, List<TermSearch.Candidate> termCandidates) {
        int[] everyColumn = IntStream.range(0, data.featureNames().size()).toArray();
        return fit(data, everyColumn, new int[0], termCandidates, IntStream.range(1, data.armCount()).toArray());
    }

    /** The most threshold and interaction terms {@link TermSearch} adds to a final stage. */
    static final int MAX_TERMS = 4;

    /**
     * As {@link #fit(CausalData, int[], int[])}, and the final stage also gets the threshold and
     * interaction terms on the candidate columns that {@link TermSearch} finds in the pseudo-outcomes of
     * the searched arms (per arm at most {@link #MAX_TERMS}, as many as cross-validation keeps; lightly
     * penalised, like the light columns). Every treatment arm's final stage has all the terms found.
     *
     * @param termCandidates columns the search may cut (empty: no search, the final stage is linear)
     * @param searchedArms   the treatment arms whose pseudo-outcome is searched
     */
    public CausalFit fit(CausalData data, int[] effectColumns, int[] lightColumns, List<TermSearch.Candidate> termCandidates,
                         int... searchedArms) {
        int n = data.size();
        int arms = data.armCount();
        int p = data.featureNames().size();
        int[] a = data.treatment();
        double[] y = data.outcome();
        int[] sizes = data.armSizes();
        for (int k = 0; k < arms; k++) {
            if (sizes[k] < settings.minimumArmSize()) {
                throw new IllegalArgumentException("arm '" + data.armNames().get(k) + "' has " + sizes[k]
                        + " clients; at least " + settings.minimumArmSize() + " are needed");
            }
        }
        OutcomeType type = OutcomeType.detect(y);
        double[] means = new double[p];
        double[] scales = new double[p];
        double[][] z = standardisedDesign(data.features(), means, scales);

        // 1. cross-fitted nuisances; the propensity model also sees what the choice depended on besides the features
        double[][] zAssignment = withAssignmentFeatures(z, data.assignmentFeatures());
        int[] fold = stratifiedFolds(a, arms, settings.folds(), settings.seed());
        double[][] e = new double[n][];
        double[][] mu = new double[n][arms];
        double[][] assignmentStart = null;
        double[][] outcomeStart = new double[arms][];
        for (int f = 0; f < settings.folds(); f++) {
            int current = f;
            int[] train = rowsWhere(i -> fold[i] != current, n);
            int[] test = rowsWhere(i -> fold[i] == current, n);
            double[][] propensity = SoftmaxRegression.fit(zAssignment, a, arms, train, settings.propensityLambda(), assignmentStart);
            assignmentStart = propensity;
            for (int i : test) {
                e[i] = new double[arms];
                SoftmaxRegression.probabilities(propensity, zAssignment[i], e[i]);
                if (!Double.isNaN(data.knownPropensity()[i])) {
                    e[i][a[i]] = data.knownPropensity()[i]; // drawn by design: the known chance, not an estimate
                }
            }
            for (int k = 0; k < arms; k++) {
                int arm = k;
                int[] armTrain = filter(train, i -> a[i] == arm);
                double[] outcome = fitOutcome(type, z, y, armTrain, outcomeStart[k]);
                outcomeStart[k] = outcome;
                for (int i : test) {
                    mu[i][k] = type.mean(Matrices.dot(outcome, z[i]));
                }
            }
        }

        // 2. full-data models kept in the fitted model: propensity on the features alone (support: a new client has
        // been shown no advice yet) and per-arm outcomes (T-learner)
        int[] all = rowsWhere(i -> true, n);
        double[][] propensityFull = SoftmaxRegression.fit(z, a, arms, all, settings.propensityLambda(),
                zAssignment == z ? assignmentStart : null);
        double[][] outcomeFull = new double[arms][];
        for (int k = 0; k < arms; k++) {
            int arm = k;
            outcomeFull[k] = fitOutcome(type, z, y, filter(all, i -> a[i] == arm), outcomeStart[k]);
        }
        SupportRule supportRule = supportRule(data);
        double[] thresholds = supportRule.thresholds();
        boolean[][] onSupport = new boolean[n][arms];
        for (int i = 0; i < n; i++) {
            double[] fullPropensity = new double[arms];
            SoftmaxRegression.probabilities(propensityFull, z[i], fullPropensity);
            onSupport[i][0] = fullPropensity[0] >= thresholds[0];
            for (int k = 1; k < arms; k++) {
                onSupport[i][k] = supportRule.check(data.features()[i], fullPropensity, k).onSupport();
            }
        }

        // 3. AIPW pseudo-outcomes and population effects
        double clip = settings.propensityClip();
        double[][] psi = new double[arms][n];
        List<ArmSummary> summaries = new ArrayList<>();
        for (int k = 1; k < arms; k++) {
            for (int i = 0; i < n; i++) {
                double gammaK = mu[i][k] + (a[i] == k ? (y[i] - mu[i][k]) / Math.max(e[i][k], clip) : 0);
                double gamma0 = mu[i][0] + (a[i] == 0 ? (y[i] - mu[i][0]) / Math.max(e[i][0], clip) : 0);
                psi[k][i] = gammaK - gamma0;
            }
            summaries.add(summarise(k, data, psi[k], e, mu, onSupport));
        }

        // 4. DR-learner final stage with a joint sandwich covariance
        FinalStage finalStage;
        List<EffectTerm> terms = new ArrayList<>();
        double[] termMeans = new double[0];
        double[] termScales = new double[0];
        List<String> searches = new ArrayList<>();
        if (effectColumns == null) {
            finalStage = finalStage(z, psi, onSupport, penalties(p + 1, null, new int[0]));
        } else {
            double[][] linear = select(z, effectColumns);
            double[] linearPenalties = penalties(effectColumns.length + 1, effectColumns, lightColumns);
            for (int arm : termCandidates.isEmpty() ? new int[0] : searchedArms) {
                int[] rows = rowsWhere(i -> onSupport[i][arm], n);
                TermSearch.Result search = new TermSearch(MAX_TERMS).search(data.features(), psi[arm], rows, linear,
                        linearPenalties, termCandidates, fold, settings.folds());
                search.terms().stream().filter(t -> !terms.contains(t)).forEach(terms::add);
                searches.add(data.armNames().get(arm) + ": " + search.describe(MAX_TERMS));
            }
            termMeans = new double[terms.size()];
            termScales = new double[terms.size()];
            double[][] design = withTerms(linear, data.features(), terms, termMeans, termScales);
            double[] designPenalties = Arrays.copyOf(linearPenalties, linearPenalties.length + terms.size());
            Arrays.fill(designPenalties, linearPenalties.length, designPenalties.length, 1);
            finalStage = embed(finalStage(design, psi, onSupport, designPenalties), effectColumns, p + 1, terms.size());
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("estimator", "cross-fitted AIPW + DR-learner (ridge final stage, HC0 sandwich)");
        provenance.put("settings", settings.toString());
        if (effectColumns != null) {
            provenance.put("effectColumns", String.join(",",
                    Arrays.stream(effectColumns).mapToObj(c -> data.featureNames().get(c)).toList()));
            if (lightColumns.length > 0) {
                provenance.put("effectColumnsLightlyPenalised", String.join(",",
                        Arrays.stream(lightColumns).mapToObj(c -> data.featureNames().get(c)).toList()));
            }
        }
        if (!searches.isEmpty()) {
            provenance.put("effectTerms", String.join("; ", searches));
        }
        provenance.put("clients", Integer.toString(n));
        for (int k = 0; k < arms; k++) {
            provenance.put("clients." + data.armNames().get(k), Integer.toString(sizes[k]));
        }
        DrLearnerModel model = new DrLearnerModel(new DrLearnerModel.State(DrLearnerModel.FORMAT, type,
                data.armNames(), data.featureNames(), means, scales, propensityFull, thresholds,
                supportRule.columnMin(), supportRule.columnMax(), finalStage.coefficients(), finalStage.covariance(),
                outcomeFull, provenance, List.copyOf(terms), termMeans, termScales));
        return new CausalFit(type, summaries, overlap(data, e, thresholds, onSupport), model, e);
    }

    /** Thresholds max(absolute, relative x arm share) and each arm's feature ranges. */
    private SupportRule supportRule(CausalData data) {
        int arms = data.armCount();
        int p = data.featureNames().size();
        int[] sizes = data.armSizes();
        double[] thresholds = new double[arms];
        double[][] columnMin = new double[arms][p];
        double[][] columnMax = new double[arms][p];
        for (int k = 0; k < arms; k++) {
            thresholds[k] = Math.max(settings.supportAbsolute(), settings.supportRelative() * sizes[k] / (double) data.size());
            Arrays.fill(columnMin[k], Double.POSITIVE_INFINITY);
            Arrays.fill(columnMax[k], Double.NEGATIVE_INFINITY);
        }
        for (int i = 0; i < data.size(); i++) {
            double[] x = data.features()[i];
            int arm = data.treatment()[i];
            for (int c = 0; c < p; c++) {
                columnMin[arm][c] = Math.min(columnMin[arm][c], x[c]);
                columnMax[arm][c] = Math.max(columnMax[arm][c], x[c]);
            }
        }
        return new SupportRule(data.armNames(), data.featureNames(), thresholds, columnMin, columnMax);
    }

    /** The DR-learner's coefficients per treatment arm and their joint covariance. */
    private record FinalStage(double[][] coefficients, double[][] covariance) {
    }

    /** Ridge regression of each arm's pseudo-outcome on the design, over that arm's on-support clients. */
    private double[] penalties(int width, int[] effectColumns, int[] lightColumns) {
        double[] penalties = new double[width];
        Arrays.fill(penalties, settings.finalLambda());
        if (effectColumns != null) {
            for (int c = 0; c < effectColumns.length; c++) {
                int column = effectColumns[c];
                if (Arrays.stream(lightColumns).anyMatch(light -> light == column)) {
                    penalties[c + 1] = 1; // light, not zero: a constant column would make the system singular
                }
            }
        }
        return penalties;
    }

    private FinalStage finalStage(double[][] z, double[][] psi, boolean[][] onSupport, double[] penalties) {
        int n = z.length;
        int arms = psi.length;
        double[][] coefficients = new double[arms - 1][];
        double[][][] gramInverse = new double[arms - 1][][];
        double[][] residual = new double[arms - 1][n];
        for (int k = 1; k < arms; k++) {
            int arm = k;
            int[] rows = rowsWhere(i -> onSupport[i][arm], n);
            if (rows.length == 0) {
                rows = rowsWhere(i -> true, n); // nobody on support: fit anyway so the file is complete; every prediction is flagged
            }
            RidgeRegression.Fit fit = RidgeRegression.fit(z, psi[k], rows, penalties);
            coefficients[k - 1] = fit.coefficients();
            gramInverse[k - 1] = fit.gramInverse();
            for (int i : rows) {
                residual[k - 1][i] = psi[k][i] - Matrices.dot(fit.coefficients(), z[i]);
            }
        }
        return new FinalStage(coefficients, sandwich(z, residual, gramInverse, z[0].length));
    }

    /** The intercept column and the chosen (standardised) feature columns. */
    private static double[][] select(double[][] z, int[] columns) {
        double[][] result = new double[z.length][columns.length + 1];
        for (int i = 0; i < z.length; i++) {
            result[i][0] = z[i][0];
            for (int c = 0; c < columns.length; c++) {
                result[i][c + 1] = z[i][columns[c] + 1];
            }
        }
        return result;
    }

    /**
     * A final stage over selected columns and then {@code terms} term columns, written into coefficients
     * and covariance over every column and then the terms (zeros elsewhere).
     */
    private static FinalStage embed(FinalStage small, int[] columns, int designWidth, int terms) {
        int blocks = small.coefficients().length;
        int smallWidth = columns.length + 1 + terms;
        int width = designWidth + terms;
        int[] position = new int[smallWidth];
        position[0] = 0;
        for (int c = 0; c < columns.length; c++) {
            position[c + 1] = columns[c] + 1;
        }
        for (int t = 0; t < terms; t++) {
            position[columns.length + 1 + t] = designWidth + t;
        }
        double[][] coefficients = new double[blocks][width];
        double[][] covariance = new double[blocks * width][blocks * width];
        for (int b = 0; b < blocks; b++) {
            for (int s = 0; s < smallWidth; s++) {
                coefficients[b][position[s]] = small.coefficients()[b][s];
                for (int b2 = 0; b2 < blocks; b2++) {
                    for (int t = 0; t < smallWidth; t++) {
                        covariance[b * width + position[s]][b2 * width + position[t]] =
                                small.covariance()[b * smallWidth + s][b2 * smallWidth + t];
                    }
                }
            }
        }
        return new FinalStage(coefficients, covariance);
    }

    /** The design with each term's standardised value appended (its mean and sd over all clients written into the arrays). */
    private static double[][] withTerms(double[][] design, double[][] x, List<EffectTerm> terms, double[] means, double[] scales) {
        double[][] values = new double[x.length][terms.size()];
        for (int i = 0; i < x.length; i++) {
            for (int t = 0; t < terms.size(); t++) {
                values[i][t] = terms.get(t).value(x[i]);
            }
        }
        return withStandardised(design, values, means, scales);
    }

    /** Coefficients of one arm's outcome model: the logit of P(Y = 1), or the mean of Y. */
    private double[] fitOutcome(OutcomeType type, double[][] z, double[] y, int[] rows, double[] start) {
        if (type == OutcomeType.BINARY) {
            int[] label = new int[y.length];
            for (int i : rows) {
                label[i] = (int) y[i];
            }
            double[][] warm = start == null ? null : new double[][] {new double[start.length], start};
            return SoftmaxRegression.fit(z, label, 2, rows, settings.outcomeLambda(), warm)[1];
        }
        return RidgeRegression.fit(z, y, rows, settings.outcomeLambda()).coefficients();
    }

    private ArmSummary summarise(int k, CausalData data, double[] psi, double[][] e, double[][] mu, boolean[][] onSupport) {
        int n = data.size();
        int[] a = data.treatment();
        double[] y = data.outcome();
        double clip = settings.propensityClip();
        double ate = mean(psi);
        double ateSe = Math.sqrt(variance(psi, ate) / n);

        int nk = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == k) {
                nk++;
                sum += y[i] - mu[i][0];
            } else if (a[i] == 0) {
                sum -= e[i][k] / Math.max(e[i][0], clip) * (y[i] - mu[i][0]);
            }
        }
        double att = sum / nk;
        double share = nk / (double) n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double phi = 0;
            if (a[i] == k) {
                phi = (y[i] - mu[i][0] - att) / share;
            } else if (a[i] == 0) {
                phi = -e[i][k] / Math.max(e[i][0], clip) * (y[i] - mu[i][0]) / share;
            }
            squares += phi * phi;
        }
        double attSe = Math.sqrt(squares) / n;

        double[] treated = outcomes(a, y, k);
        double[] control = outcomes(a, y, 0);
        double meanTreated = mean(treated);
        double meanControl = mean(control);
        double naive = meanTreated - meanControl;
        double naiveSe = Math.sqrt(variance(treated, meanTreated) / treated.length
                + variance(control, meanControl) / control.length);
        int off = 0;
        for (boolean[] row : onSupport) {
            off += row[k] ? 0 : 1;
        }
        return new ArmSummary(k, data.armNames().get(k), nk, ate, ateSe, ate - Z95 * ateSe, ate + Z95 * ateSe,
                att, attSe, att - Z95 * attSe, att + Z95 * attSe, naive, naiveSe, naive - Z95 * naiveSe,
                naive + Z95 * naiveSe, off / (double) n);
    }

    /** V_jk = A_j^-1 (sum_i z_i z_i' r_ji r_ki) A_k^-1 over the stacked coefficients of all arms. */
    private static double[][] sandwich(double[][] z, double[][] residual, double[][][] gramInverse, int columns) {
        int blocks = residual.length;
        int d = blocks * columns;
        double[][] meat = new double[d][d];
        double[] u = new double[d];
        for (int i = 0; i < z.length; i++) {
            boolean any = false;
            for (int b = 0; b < blocks; b++) {
                double r = residual[b][i];
                any |= r != 0;
                for (int c = 0; c < columns; c++) {
                    u[b * columns + c] = z[i][c] * r;
                }
            }
            if (!any) {
                continue;
            }
            for (int s = 0; s < d; s++) {
                double us = u[s];
                if (us == 0) {
                    continue;
                }
                double[] row = meat[s];
                for (int t = s; t < d; t++) {
                    row[t] += us * u[t];
                }
            }
        }
        Matrices.symmetrizeFromUpper(meat);
        double[][] covariance = new double[d][d];
        for (int j = 0; j < blocks; j++) {
            for (int k = j; k < blocks; k++) {
                double[][] block = new double[columns][columns];
                for (int s = 0; s < columns; s++) {
                    System.arraycopy(meat[j * columns + s], k * columns, block[s], 0, columns);
                }
                double[][] v = Matrices.multiply(Matrices.multiply(gramInverse[j], block), gramInverse[k]);
                for (int s = 0; s < columns; s++) {
                    for (int t = 0; t < columns; t++) {
                        covariance[j * columns + s][k * columns + t] = v[s][t];
                        covariance[k * columns + t][j * columns + s] = v[s][t];
                    }
                }
            }
        }
        return covariance;
    }

    private OverlapSummary overlap(CausalData data, double[][] e, double[] thresholds, boolean[][] onSupport) {
        int n = data.size();
        int[] a = data.treatment();
        int[] sizes = data.armSizes();
        List<OverlapSummary.ArmOverlap> result = new ArrayList<>();
        for (int k = 0; k < data.armCount(); k++) {
            double[] everyone = new double[n];
            double[] own = new double[sizes[k]];
            int next = 0;
            int off = 0;
            for (int i = 0; i < n; i++) {
                everyone[i] = e[i][k];
                if (a[i] == k) {
                    own[next++] = e[i][k];
                }
                off += onSupport[i][k] ? 0 : 1;
            }
            result.add(new OverlapSummary.ArmOverlap(data.armNames().get(k), sizes[k] / (double) n, thresholds[k],
                    OverlapSummary.Quantiles.of(everyone), OverlapSummary.Quantiles.of(own), off, off / (double) n));
        }
        return new OverlapSummary(settings.propensityClip(), result);
    }

    /** The standardised design with the assignment features (standardised too) appended; the design itself when there are none. */
    private static double[][] withAssignmentFeatures(double[][] z, double[][] assignment) {
        int extra = assignment.length == 0 ? 0 : assignment[0].length;
        return extra == 0 ? z : withStandardised(z, assignment, new double[extra], new double[extra]);
    }

    /** The design with the extra columns appended, standardised (their means and sds written into the arrays). */
    private static double[][] withStandardised(double[][] design, double[][] extra, double[] means, double[] scales) {
        int width = means.length;
        double[][] standardised = standardisedDesign(extra, means, scales);
        double[][] result = new double[design.length][];
        for (int i = 0; i < design.length; i++) {
            result[i] = Arrays.copyOf(design[i], design[i].length + width);
            System.arraycopy(standardised[i], 1, result[i], design[i].length, width);
        }
        return result;
    }

    /** Standardises the features (mean 0, sd 1; constant columns only centred) and prepends an intercept. */
    static double[][] standardisedDesign(double[][] x, double[] means, double[] scales) {
        int n = x.length;
        int p = means.length;
        for (int c = 0; c < p; c++) {
            double sum = 0;
            for (double[] row : x) {
                sum += row[c];
            }
            means[c] = sum / n;
            double squares = 0;
            for (double[] row : x) {
                squares += (row[c] - means[c]) * (row[c] - means[c]);
            }
            double sd = Math.sqrt(squares / n);
            scales[c] = sd > 1e-12 ? sd : 1;
        }
        double[][] z = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int c = 0; c < p; c++) {
                z[i][c + 1] = (x[i][c] - means[c]) / scales[c];
            }
        }
        return z;
    }

    /**
     * Fold of each client for cross-fitting: shuffled within each arm, then dealt round-robin, so
     * every fold has every arm. Deterministic for a seed.
     */
    public static int[] stratifiedFolds(int[] a, int arms, int folds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[a.length];
        int next = 0;
        for (int k = 0; k < arms; k++) {
            int arm = k;
            int[] members = rowsWhere(i -> a[i] == arm, a.length);
            for (int i = members.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = members[i];
                members[i] = members[j];
                members[j] = swap;
            }
            for (int member : members) {
                fold[member] = next++ % folds;
            }
        }
        return fold;
    }

    private static int[] rowsWhere(IntPredicate keep, int n) {
        return IntStream.range(0, n).filter(keep).toArray();
    }

    private static int[] filter(int[] rows, IntPredicate keep) {
        return Arrays.stream(rows).filter(keep).toArray();
    }

    private static double[] outcomes(int[] a, double[] y, int arm) {
        return IntStream.range(0, y.length).filter(i -> a[i] == arm).mapToDouble(i -> y[i]).toArray();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return v.length > 1 ? s / (v.length - 1) : 0;
    }
}
