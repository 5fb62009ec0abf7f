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
 * <li>Cross-fitting: clients are split into K folds, stratified by arm. The propensity over all
 * arms and one outcome model per arm are each chosen by cross-validated loss between a
 * ridge-penalised linear model and boosted trees ({@link NuisanceSelection}); in every fold they
 * are fitted afresh on the other folds and predict the held-out fold, so no client's nuisance
 * estimates saw that client.</li>
 * <li>AIPW scores with normalised weights (the normalised DR-learner of Knaus, 2022):
 * {@code Gamma_k = mu_k + w_k (Y - mu_k)}, {@code w_k = (1{A=k}/e_k) / mean(1{A=k}/e_k)}, so the
 * inverse-propensity weights of each arm average exactly 1 and a few extreme weights cannot blow up
 * the scale; propensities in the weights are also clipped below at {@code propensityClip}. The
 * pseudo-outcome is {@code psi_k = Gamma_k - Gamma_0}.</li>
 * <li>Support: see {@link DrLearnerModel#support}; thresholds are
 * {@code max(supportAbsolute, supportRelative x share of the arm)}. Population effects are over the
 * clients on support for the arm, and say so: ATE_k = mean(psi_k) over them with standard error
 * sd/sqrt(n_supported) (influence function); ATT_k (doubly robust) over the treated on support,
 * with its influence-function standard error. Off-support shares are reported over everyone and
 * over the treated.</li>
 * <li>Final stage ({@link FinalStageSelection}): linear (ridge, joint sandwich covariance) or
 * flexible (boosted trees on bootstrap replicates), chosen with its settings and the prior's
 * weight by cross-validated DR loss on the training data, or forced by {@link Settings#finalStage()}.</li>
 * </ol>
 *
 * Deterministic for a fixed seed. Use:
 * <pre>{@code
 * CausalFit fit = new DoublyRobustEstimator(Settings.defaults()).fit(data);
 * fit.arm(1).ate();                                   // effect of arm 1 over the supported clients
 * ClientEffects c = fit.model().predict(x, priors);   // one client
 * c.effect(1).onSupport(); c.tied(1, 2); c.bestAndTied();
 * String sha = fit.model().save(path);  DrLearnerModel.load(path, sha);
 * }</pre>
 */
public final class DoublyRobustEstimator {

    private static final double Z95 = 1.959963984540054;

    /** Which candidates a selection step may choose from. */
    public enum Choice {
        /** The candidate with the smallest cross-validated loss. */
        SELECTED,
        /** Only the ridge-penalised linear model(s). */
        LINEAR,
        /** Only the tree ensembles. */
        FLEXIBLE
    }

    private final Settings settings;

    /**
     * Tuning of the estimator. Penalties are on standardised features and add to a Gram matrix
     * that grows with n, so 1.0 is light regularisation for any sizeable data set.
     *
     * @param folds            cross-fitting folds (at least 2)
     * @param seed             seeds the fold assignment, the trees and the bootstrap
     * @param propensityClip   lower bound on propensities in the AIPW weights
     * @param supportAbsolute  propensity threshold below which a client is always off support
     * @param supportRelative  ... or below this fraction of the arm's share of all clients
     * @param nuisance         which nuisance models may be chosen
     * @param nuisanceRounds   boosting rounds of the tree candidates (a quarter and a half are tried too)
     * @param finalStage       which final stages may be chosen
     * @param finalRounds      the largest number of boosting rounds of a flexible final stage
     * @param replicates       bootstrap replicates of a flexible final stage (its intervals)
     */
    public record Settings(int folds, long seed, double propensityClip, double supportAbsolute,
                           double supportRelative, double propensityLambda, double outcomeLambda,
                           Choice nuisance, int nuisanceRounds, Choice finalStage, int finalRounds, int replicates) {

        public Settings {
            if (folds < 2) {
                throw new IllegalArgumentException("cross-fitting needs at least 2 folds");
            }
            if (!(propensityClip > 0 && propensityClip < 0.5)) {
                throw new IllegalArgumentException("propensityClip must be in (0, 0.5)");
            }
            if (replicates < 2 || nuisanceRounds < 1 || finalRounds < 1) {
                throw new IllegalArgumentException("need at least 2 replicates and 1 boosting round");
            }
        }

        /**
         * 5 folds, clip 0.01, support threshold max(0.01, 0.1 x arm share), linear penalties 1,
         * nuisance trees up to 60 rounds, final-stage trees up to 32 rounds, 20 bootstrap replicates,
         * both choices by cross-validation.
         */
        public static Settings defaults() {
            return new Settings(5, 20_260_101L, 0.01, 0.01, 0.1, 1.0, 1.0, Choice.SELECTED, 60, Choice.SELECTED, 32, 20);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(folds, newSeed, propensityClip, supportAbsolute, supportRelative, propensityLambda,
                    outcomeLambda, nuisance, nuisanceRounds, finalStage, finalRounds, replicates);
        }

        public Settings withFolds(int newFolds) {
            return new Settings(newFolds, seed, propensityClip, supportAbsolute, supportRelative, propensityLambda,
                    outcomeLambda, nuisance, nuisanceRounds, finalStage, finalRounds, replicates);
        }

        public Settings withNuisance(Choice choice) {
            return new Settings(folds, seed, propensityClip, supportAbsolute, supportRelative, propensityLambda,
                    outcomeLambda, choice, nuisanceRounds, finalStage, finalRounds, replicates);
        }

        public Settings withFinalStage(Choice choice) {
            return new Settings(folds, seed, propensityClip, supportAbsolute, supportRelative, propensityLambda,
                    outcomeLambda, nuisance, nuisanceRounds, choice, finalRounds, replicates);
        }

        /** The smallest number of clients an arm needs to be estimated. */
        public int minimumArmSize() {
            return Math.max(10, 2 * folds);
        }
    }

    /**
     * What the final stage is asked for, beyond the data.
     *
     * @param effectColumns indices into the feature names the client-level effect may depend on, or
     *                      null for all; the nuisance models always adjust for every column
     * @param priorEffect   {@code [n][K]} a prior mean effect of each arm for each client (e.g. the
     *                      literature's), toward which the selected weight shrinks; or null
     * @param arms          the treatment arms whose client-level effect is wanted (null: all); the
     *                      others get population effects only
     * @param ids           a stable id per client (keys the bootstrap weights, so that fits on
     *                      overlapping clients share their replicates), or null for the row number
     */
    public record Design(int[] effectColumns, double[][] priorEffect, int[] arms, long[] ids) {

        public static Design all() {
            return new Design(null, null, null, null);
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
        return fit(data, Design.all());
    }

    public CausalFit fit(CausalData data, Design design) {
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
        double[][] x = data.features();
        double[][] z = standardisedDesign(x, means, scales);

        // 1. cross-fitted nuisances, each chosen by cross-validated loss
        int[] fold = stratifiedFolds(a, arms, settings.folds(), settings.seed());
        NuisanceSelection nuisances = new NuisanceSelection(x, z, new BoostedTrees.Binned(x), fold, settings.folds(),
                settings.nuisance(), new BoostedTrees.Params(3, 0.2, settings.nuisanceRounds(), 1.0, 20, 0.5),
                settings.seed());
        NuisanceSelection.Chosen propensity = nuisances.propensity(a, arms, settings.propensityLambda());
        double[][] e = propensity.outOfFold();
        double[][] mu = new double[n][arms];
        List<Nuisance> outcomes = new ArrayList<>();
        for (int k = 0; k < arms; k++) {
            NuisanceSelection.Chosen outcome = nuisances.outcome(type, y, a, k, settings.outcomeLambda());
            for (int i = 0; i < n; i++) {
                mu[i][k] = outcome.outOfFold()[i][0];
            }
            outcomes.add(outcome.full());
        }

        // 2. support, from the propensity model refitted on all clients
        SupportRule supportRule = supportRule(data);
        double[] thresholds = supportRule.thresholds();
        boolean[][] onSupport = new boolean[n][arms];
        double[] fullPropensity = new double[arms];
        for (int i = 0; i < n; i++) {
            propensity.full().probabilities(x[i], z[i], fullPropensity);
            onSupport[i][0] = fullPropensity[0] >= thresholds[0];
            for (int k = 1; k < arms; k++) {
                onSupport[i][k] = supportRule.check(x[i], fullPropensity, k).onSupport();
            }
        }

        // 3. AIPW pseudo-outcomes with normalised weights, and population effects over the supported clients
        double[] weight0 = normalisedWeights(a, e, 0);
        double[][] psi = new double[arms][n];
        List<ArmSummary> summaries = new ArrayList<>();
        for (int k = 1; k < arms; k++) {
            double[] weightK = normalisedWeights(a, e, k);
            for (int i = 0; i < n; i++) {
                double gammaK = mu[i][k] + weightK[i] * (y[i] - mu[i][k]);
                double gamma0 = mu[i][0] + weight0[i] * (y[i] - mu[i][0]);
                psi[k][i] = gammaK - gamma0;
            }
            summaries.add(summarise(k, data, psi[k], e, mu, onSupport));
        }

        // 4. the final stage, chosen on folds of these data
        int[] effectColumns = design.effectColumns() != null ? design.effectColumns() : IntStream.range(0, p).toArray();
        int[] wanted = design.arms() != null ? design.arms() : IntStream.range(1, arms).toArray();
        long[] ids = design.ids() != null ? design.ids() : IntStream.range(0, n).asLongStream().toArray();
        FinalStage finalStage = new FinalStageSelection(settings, x, z, effectColumns, psi, onSupport, wanted,
                design.priorEffect(), fold, ids).fit();

        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("estimator", "cross-fitted AIPW (normalised weights) + DR-learner, nuisance models and final "
                + "stage chosen by cross-validation");
        provenance.put("settings", settings.toString());
        provenance.put("propensity", propensity.full().chosen());
        for (int k = 0; k < arms; k++) {
            provenance.put("outcome." + data.armNames().get(k), outcomes.get(k).chosen());
        }
        provenance.put("finalStage", finalStage.chosen());
        provenance.put("effectColumns", String.join(",",
                Arrays.stream(effectColumns).mapToObj(c -> data.featureNames().get(c)).toList()));
        provenance.put("clients", Integer.toString(n));
        for (int k = 0; k < arms; k++) {
            provenance.put("clients." + data.armNames().get(k), Integer.toString(sizes[k]));
        }
        DrLearnerModel model = new DrLearnerModel(new DrLearnerModel.State(DrLearnerModel.FORMAT, type,
                data.armNames(), data.featureNames(), means, scales, propensity.full(), thresholds,
                supportRule.columnMin(), supportRule.columnMax(), outcomes, finalStage, provenance));
        return new CausalFit(type, summaries, overlap(data, e, thresholds, onSupport), model, e);
    }

    /** {@code (1{A=k}/max(e_k, clip))} divided by its mean over all clients. */
    private double[] normalisedWeights(int[] a, double[][] e, int k) {
        int n = a.length;
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == k) {
                w[i] = 1 / Math.max(e[i][k], settings.propensityClip());
                sum += w[i];
            }
        }
        double scale = n / sum;
        for (int i = 0; i < n; i++) {
            w[i] *= scale;
        }
        return w;
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

    private ArmSummary summarise(int k, CausalData data, double[] psi, double[][] e, double[][] mu, boolean[][] onSupport) {
        int n = data.size();
        int[] a = data.treatment();
        double[] y = data.outcome();
        double clip = settings.propensityClip();
        double sumPsi = 0;
        int supported = 0;
        for (int i = 0; i < n; i++) {
            if (onSupport[i][k]) {
                sumPsi += psi[i];
                supported++;
            }
        }
        double ate = sumPsi / Math.max(1, supported);
        double squaresPsi = 0;
        for (int i = 0; i < n; i++) {
            if (onSupport[i][k]) {
                squaresPsi += (psi[i] - ate) * (psi[i] - ate);
            }
        }
        double ateSe = supported > 1 ? Math.sqrt(squaresPsi / (supported - 1) / supported) : Double.NaN;

        // ATT over the treated on support, doubly robust
        int nk = 0;
        int treatedOff = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == k) {
                if (!onSupport[i][k]) {
                    treatedOff++;
                    continue;
                }
                nk++;
                sum += y[i] - mu[i][0];
            } else if (a[i] == 0 && onSupport[i][k]) {
                sum -= e[i][k] / Math.max(e[i][0], clip) * (y[i] - mu[i][0]);
            }
        }
        double att = sum / Math.max(1, nk);
        double share = nk / (double) supported;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            if (!onSupport[i][k]) {
                continue;
            }
            double phi = 0;
            if (a[i] == k) {
                phi = (y[i] - mu[i][0] - att) / share;
            } else if (a[i] == 0) {
                phi = -e[i][k] / Math.max(e[i][0], clip) * (y[i] - mu[i][0]) / share;
            }
            squares += phi * phi;
        }
        double attSe = Math.sqrt(squares) / Math.max(1, supported);

        double[] treated = outcomes(a, y, k);
        double[] control = outcomes(a, y, 0);
        double meanTreated = mean(treated);
        double meanControl = mean(control);
        double naive = meanTreated - meanControl;
        double naiveSe = Math.sqrt(variance(treated, meanTreated) / treated.length
                + variance(control, meanControl) / control.length);
        int treatedAll = nk + treatedOff;
        return new ArmSummary(k, data.armNames().get(k), treatedAll, ate, ateSe, ate - Z95 * ateSe, ate + Z95 * ateSe,
                att, attSe, att - Z95 * attSe, att + Z95 * attSe, naive, naiveSe, naive - Z95 * naiveSe,
                naive + Z95 * naiveSe, (n - supported) / (double) n, treatedOff / (double) Math.max(1, treatedAll));
    }

    /** V_jk = A_j^-1 (sum_i z_i z_i' r_ji r_ki) A_k^-1 over the stacked coefficients of all arms. */
    static double[][] sandwich(double[][] z, double[][] residual, double[][][] gramInverse, int columns) {
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
