package nl.trede.core.evaluation;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import nl.trede.core.causal.DoublyRobustEstimator;
import nl.trede.core.causal.LogisticModel;

/**
 * The doubly robust (AIPW) value of treatment policies on one observed data set: the share of
 * clients with a good outcome had every client been given what the policy picks, with an
 * influence-function 95 % interval.
 *
 * <p>Each client {@code i} and arm {@code k} gets the AIPW score
 * {@code Gamma_ik = mu_ik + 1{A_i = k} (Y_i - mu_ik) / e_ik}, where {@code e} is the propensity
 * (the probability of receiving arm {@code k} given the features) and {@code mu} the outcome model
 * (the expected outcome under arm {@code k} given the features). A policy {@code pi} (per client a
 * probability for each arm; a deterministic policy puts 1 on one arm) has the value
 * {@code V(pi) = mean_i sum_k pi_ik Gamma_ik}, which is consistent when either nuisance is right.
 * Its standard error is {@code sd_i(sum_k pi_ik Gamma_ik) / sqrt(n)}; the difference between two
 * policies is estimated from the same scores, so its interval accounts for their correlation.
 * With nuisances fitted out of fold ({@link #crossFitted}) no client's score uses a model that saw
 * that client, and the interval is valid to first order. It does not account for a policy that was
 * itself chosen on the same data (e.g. "the best average option" picked here): such a value is
 * optimistic by the selection.
 *
 * <p>Propensities in the weights are clipped below at {@link #PROPENSITY_CLIP}; instead of hiding
 * this, {@link #poorOverlapShare} reports how many clients a policy sends to an arm they had less
 * than that chance of getting, where its value rests on the outcome model alone.
 *
 * <p>Use:
 * <pre>{@code
 * PolicyValue pv = PolicyValue.crossFitted(x, arm, arms, worked, knownPropensity, 5, seed);
 * PolicyValue.Estimate candidate = pv.value(candidatePolicy);        // int[]: the arm chosen per client
 * PolicyValue.Estimate gain = pv.difference(candidateProbabilities, activeProbabilities);
 * }</pre>
 */
public final class PolicyValue {

    public static final double Z95 = 1.959963984540054;
    /** Lower bound on a propensity in the AIPW weights. */
    public static final double PROPENSITY_CLIP = 0.01;
    /** Ridge penalty of the nuisance models (standardised features; light for any sizeable data set). */
    static final double LAMBDA = 1.0;
    /** An arm with fewer training clients in a fold gets the pooled outcome model of all arms there. */
    static final int MIN_ARM_CLIENTS = 20;

    /** A value (or a difference of values) with its influence-function standard error and 95 % interval. */
    public record Estimate(double value, double standardError, double lower, double upper) {

        /** The mean of per-client contributions, with standard error sd / sqrt(n). */
        static Estimate ofContributions(double[] contributions) {
            int n = contributions.length;
            double mean = Arrays.stream(contributions).sum() / n;
            double squares = 0;
            for (double c : contributions) {
                squares += (c - mean) * (c - mean);
            }
            double se = n > 1 ? Math.sqrt(squares / (n - 1) / n) : Double.NaN;
            return new Estimate(mean, se, mean - Z95 * se, mean + Z95 * se);
        }

        public boolean covers(double value) {
            return lower <= value && value <= upper;
        }
    }

    private final int[] arm;
    private final double[] outcome;
    private final double[][] propensity;
    private final double[][] scores;

    private PolicyValue(int[] arm, double[] outcome, double[][] propensity, double[][] outcomeMean) {
        int n = arm.length;
        if (n == 0 || outcome.length != n || propensity.length != n || outcomeMean.length != n) {
            throw new IllegalArgumentException("arm, outcome and nuisances need one row per client, and at least one client");
        }
        int arms = propensity[0].length;
        this.arm = arm.clone();
        this.outcome = outcome.clone();
        this.propensity = new double[n][];
        this.scores = new double[n][arms];
        for (int i = 0; i < n; i++) {
            if (arm[i] < 0 || arm[i] >= arms || propensity[i].length != arms || outcomeMean[i].length != arms) {
                throw new IllegalArgumentException("client " + i + ": arm or nuisances do not fit " + arms + " arms");
            }
            this.propensity[i] = propensity[i].clone();
            for (int k = 0; k < arms; k++) {
                scores[i][k] = outcomeMean[i][k];
            }
            int a = arm[i];
            scores[i][a] += (outcome[i] - outcomeMean[i][a]) / Math.max(propensity[i][a], PROPENSITY_CLIP);
        }
    }

    /**
     * From nuisances the caller fitted (out of fold, or known by design).
     *
     * @param arm         the arm each client received, 0 .. arms-1
     * @param outcome     each client's observed outcome
     * @param propensity  {@code [clients][arms]}: the probability of each arm given the client's features
     * @param outcomeMean {@code [clients][arms]}: the expected outcome under each arm given the features
     */
    public static PolicyValue of(int[] arm, double[] outcome, double[][] propensity, double[][] outcomeMean) {
        return new PolicyValue(arm, outcome, propensity, outcomeMean);
    }

    /**
     * Fits the nuisances on this data with cross-fitting: clients are split into {@code folds} folds
     * stratified by arm; for each fold, per arm a ridge-penalised logistic model of receiving that arm
     * (against all others; the arms' probabilities scaled to sum to one, which costs a fraction of a
     * multinomial fit over a dozen options) and a logistic outcome model are fitted on the other folds
     * and predict the fold (an arm with fewer than {@value #MIN_ARM_CLIENTS} clients there gets the
     * outcome model of all arms pooled).
     * Where the assignment was randomised, its known probability replaces the fitted propensity of
     * the arm the client received (the only one the score divides by).
     *
     * @param knownPropensity per client the known probability of the arm received, or NaN where unknown
     *                        (null: none known)
     */
    public static PolicyValue crossFitted(double[][] features, int[] arm, int arms, boolean[] outcome,
                                          double[] knownPropensity, int folds, long seed) {
        int n = features.length;
        if (folds < 2 || n < 2 * folds) {
            throw new IllegalArgumentException("cross-fitting needs at least 2 folds and 2 clients per fold");
        }
        int[] fold = DoublyRobustEstimator.stratifiedFolds(arm, arms, folds, seed);
        double[][] e = new double[n][];
        double[][] mu = new double[n][];
        for (int f = 0; f < folds; f++) {
            int current = f;
            int[] train = rows(n, i -> fold[i] != current);
            int[] test = rows(n, i -> fold[i] == current);
            LogisticModel pooled = LogisticModel.fit(select(features, train), select(outcome, train), LAMBDA);
            LogisticModel[] received = new LogisticModel[arms];
            LogisticModel[] perArm = new LogisticModel[arms];
            for (int k = 0; k < arms; k++) {
                int a = k;
                boolean[] gotArm = new boolean[train.length];
                for (int t = 0; t < train.length; t++) {
                    gotArm[t] = arm[train[t]] == a;
                }
                received[k] = LogisticModel.fit(select(features, train), gotArm, LAMBDA);
                int[] armTrain = Arrays.stream(train).filter(i -> arm[i] == a).toArray();
                perArm[k] = armTrain.length < MIN_ARM_CLIENTS ? pooled
                        : LogisticModel.fit(select(features, armTrain), select(outcome, armTrain), LAMBDA);
            }
            for (int i : test) {
                e[i] = normalised(received, features[i]);
                if (knownPropensity != null && !Double.isNaN(knownPropensity[i])) {
                    e[i][arm[i]] = knownPropensity[i];
                }
                mu[i] = new double[arms];
                for (int k = 0; k < arms; k++) {
                    mu[i][k] = perArm[k].probability(features[i]);
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = outcome[i] ? 1 : 0;
        }
        return new PolicyValue(arm, y, e, mu);
    }

    /** One-against-the-rest probabilities of each arm, scaled to sum to one. */
    private static double[] normalised(LogisticModel[] received, double[] x) {
        double[] p = new double[received.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = received[k].probability(x);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    public int size() {
        return arm.length;
    }

    public int arms() {
        return scores[0].length;
    }

    /** The AIPW score {@code Gamma_ik}: client {@code i}'s doubly robust outcome under arm {@code k}. */
    public double score(int client, int arm) {
        return scores[client][arm];
    }

    /** The value of a deterministic policy: the arm it gives each client. */
    public Estimate value(int[] policy) {
        return value(deterministic(policy, arms()));
    }

    /** The value of a stochastic policy: per client the probability of each arm (each row sums to 1). */
    public Estimate value(double[][] policy) {
        return Estimate.ofContributions(contributions(policy));
    }

    /** {@code V(a) - V(b)}, from the same clients' scores. */
    public Estimate difference(double[][] a, double[][] b) {
        double[] ca = contributions(a);
        double[] cb = contributions(b);
        for (int i = 0; i < ca.length; i++) {
            ca[i] -= cb[i];
        }
        return Estimate.ofContributions(ca);
    }

    /** {@code V(a) - V(b)} for deterministic policies. */
    public Estimate difference(int[] a, int[] b) {
        return difference(deterministic(a, arms()), deterministic(b, arms()));
    }

    /**
     * {@code V(policy)} minus the observed mean outcome, from the same clients' scores: the gain over
     * what was actually given, without the weighting noise a doubly robust value of the logged policy has.
     */
    public Estimate differenceFromObserved(double[][] policy) {
        double[] c = contributions(policy);
        for (int i = 0; i < c.length; i++) {
            c[i] -= outcome[i];
        }
        return Estimate.ofContributions(c);
    }

    /** The value of what was actually given: the observed mean outcome, no model needed. */
    public Estimate observed() {
        return Estimate.ofContributions(outcome.clone());
    }

    /** The value of giving everyone arm {@code k}. */
    public Estimate everyone(int k) {
        int[] policy = new int[size()];
        Arrays.fill(policy, k);
        return value(policy);
    }

    /**
     * The share of clients whose policy probability falls, for the most part, on arms they had less
     * than {@link #PROPENSITY_CLIP} chance of receiving: there the value is the outcome model's
     * extrapolation, not evidence.
     */
    public double poorOverlapShare(double[][] policy) {
        int poor = 0;
        for (int i = 0; i < size(); i++) {
            double unsupported = 0;
            for (int k = 0; k < arms(); k++) {
                unsupported += propensity[i][k] < PROPENSITY_CLIP ? policy[i][k] : 0;
            }
            poor += unsupported > 0.5 ? 1 : 0;
        }
        return poor / (double) size();
    }

    /** A deterministic policy as probabilities: 1 on the chosen arm. */
    public static double[][] deterministic(int[] policy, int arms) {
        double[][] result = new double[policy.length][arms];
        for (int i = 0; i < policy.length; i++) {
            result[i][policy[i]] = 1;
        }
        return result;
    }

    private double[] contributions(double[][] policy) {
        if (policy.length != size()) {
            throw new IllegalArgumentException("the policy has " + policy.length + " clients, the data " + size());
        }
        double[] result = new double[size()];
        for (int i = 0; i < result.length; i++) {
            double sum = 0;
            for (int k = 0; k < arms(); k++) {
                sum += policy[i][k] * scores[i][k];
            }
            result[i] = sum;
        }
        return result;
    }

    private static int[] rows(int n, IntPredicate keep) {
        return IntStream.range(0, n).filter(keep).toArray();
    }

    private static double[][] select(double[][] values, int[] rows) {
        return Arrays.stream(rows).mapToObj(i -> values[i]).toArray(double[][]::new);
    }

    private static int[] select(int[] values, int[] rows) {
        return Arrays.stream(rows).map(i -> values[i]).toArray();
    }

    private static boolean[] select(boolean[] values, int[] rows) {
        boolean[] result = new boolean[rows.length];
        for (int r = 0; r < rows.length; r++) {
            result[r] = values[rows[r]];
        }
        return result;
    }
}
