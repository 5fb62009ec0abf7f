package nl.trede.core.causal;

/**
 * Population effects of one treatment arm versus control, in the outcome's units, each with its
 * standard error and 95 % interval.
 *
 * @param n                      clients who received this arm
 * @param ate                    average treatment effect over the clients on support for this arm
 *                               (AIPW): off support there is no comparable history, and an average
 *                               over everyone would be extrapolation
 * @param att                    average effect on the clients who received this arm and are on
 *                               support (doubly robust)
 * @param naiveDifference        mean outcome of this arm minus mean outcome of the control: no adjustment
 * @param offSupportShare        share of all clients off support for this arm (see {@link DrLearnerModel#support})
 * @param treatedOffSupportShare the same share among the clients who received this arm (the ATT's population)
 */
public record ArmSummary(int arm, String treatment, int n,
                         double ate, double ateSe, double ateLower, double ateUpper,
                         double att, double attSe, double attLower, double attUpper,
                         double naiveDifference, double naiveSe, double naiveLower, double naiveUpper,
                         double offSupportShare, double treatedOffSupportShare) {
}
