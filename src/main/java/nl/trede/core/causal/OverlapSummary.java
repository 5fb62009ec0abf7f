package nl.trede.core.causal;

import java.util.List;

/**
 * How well the arms overlap: per arm the distribution of the estimated propensity to receive it,
 * over all clients and over the clients who did receive it, and how many clients are off support.
 *
 * @param propensityClip lower bound put on propensities in the AIPW weights
 */
public record OverlapSummary(double propensityClip, List<ArmOverlap> arms) {

    /**
     * One arm's overlap.
     *
     * @param share            the arm's share of all clients
     * @param threshold        propensity below which a client is off support for this arm
     * @param allClients       cross-fitted propensity quantiles over all clients
     * @param armClients       the same over the clients who received the arm
     * @param offSupportCount  clients off support for the comparison of this arm with the control
     *                         (for the control itself: clients whose control propensity is below threshold)
     */
    public record ArmOverlap(String treatment, double share, double threshold, Quantiles allClients,
                             Quantiles armClients, int offSupportCount, double offSupportShare) {
    }

    /** Summary quantiles of a distribution. */
    public record Quantiles(double min, double p01, double p05, double p25, double median, double p75,
                            double p95, double p99, double max) {

        /** The quantiles of the values (empty input gives NaN everywhere). */
        public static Quantiles of(double[] values) {
            double[] v = values.clone();
            java.util.Arrays.sort(v);
            return new Quantiles(q(v, 0), q(v, 0.01), q(v, 0.05), q(v, 0.25), q(v, 0.5), q(v, 0.75),
                    q(v, 0.95), q(v, 0.99), q(v, 1));
        }

        private static double q(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            double position = p * (sorted.length - 1);
            int lo = (int) Math.floor(position);
            int hi = Math.min(lo + 1, sorted.length - 1);
            return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
        }
    }
}
