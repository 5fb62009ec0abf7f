package nl.trede.core.causal;

import java.util.List;

/**
 * What {@link DoublyRobustEstimator#fit} learned from one data set: the population effects per
 * arm, the overlap summary, and the client-level {@link DrLearnerModel}.
 *
 * @param arms                    one summary per treatment arm (arms 1..K-1), in arm order
 * @param crossFittedPropensities {@code [clients][K]} out-of-fold propensities used in the AIPW scores
 */
public record CausalFit(OutcomeType outcomeType, List<ArmSummary> arms, OverlapSummary overlap,
                        DrLearnerModel model, double[][] crossFittedPropensities) {

    public CausalFit {
        arms = List.copyOf(arms);
    }

    /** The summary of one treatment arm (1..K-1). */
    public ArmSummary arm(int arm) {
        return arms.get(arm - 1);
    }
}
