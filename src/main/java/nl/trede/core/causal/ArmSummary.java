package nl.trede.core.causal;

/**
 * Population effects of one treatment arm versus control, in the outcome's units, each with its
 * standard error and 95 % interval.
 *
 * @param ate             average treatment effect over all clients (AIPW)
 * @param att             average effect on the clients who received this arm (doubly robust)
 * @param naiveDifference mean outcome of this arm minus mean outcome of the control: no adjustment
 * @param offSupportShare share of all clients off support for this arm (see {@link DrLearnerModel#support})
 */
public record ArmSummary(int arm, String treatment, int n,
                         double ate, double ateSe, double ateLower, double ateUpper,
                         double att, double attSe, double attLower, double attUpper,
                         double naiveDifference, double naiveSe, double naiveLower, double naiveUpper,
                         double offSupportShare) {
}
