package nl.trede.core.causal;

import java.util.List;

/**
 * The DR-learner's final stage as stored: the client-level effect of each treatment arm versus
 * control, learned from the doubly robust pseudo-outcomes of the clients on support.
 *
 * <ul>
 * <li>{@code linear}: {@code tau_k(x) = z(x)' b_k} with {@code z} the standardised features and an
 * intercept; {@code coefficients} {@code [K-1][1+p]} (zero outside {@code columns}) and the joint
 * sandwich (HC0) {@code covariance} of all arms' stacked coefficients.</li>
 * <li>{@code flexible}: boosted regression trees on the raw features, refitted on
 * {@code replicates.get(k-1).size()} bootstrap replicates of the clients (Poisson(1) weights keyed by
 * the client, the same for every arm): the effect is the mean over the replicates and its standard
 * error their standard deviation, and two arms' covariance comes from the same replicates. An arm
 * with no replicates was not asked for and has no client-level effect.</li>
 * </ul>
 *
 * @param columns     indices of the feature columns the final stage may use
 * @param priorWeight weight s of the prior in each on-support estimate, {@code (1-s) learned + s prior}
 *                    (0 when the data came without priors)
 * @param chosen      the selection: every candidate's cross-validated DR loss and the winner
 */
public record FinalStage(String kind, int[] columns, double priorWeight, double[][] coefficients,
                         double[][] covariance, List<List<BoostedTrees.Ensemble>> replicates, String chosen) {

    public static final String LINEAR = "linear";
    public static final String FLEXIBLE = "flexible";

    public FinalStage {
        if (!LINEAR.equals(kind) && !FLEXIBLE.equals(kind)) {
            throw new IllegalArgumentException("unknown final stage " + kind);
        }
    }

    boolean linear() {
        return LINEAR.equals(kind);
    }
}
