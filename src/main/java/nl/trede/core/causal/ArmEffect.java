package nl.trede.core.causal;

/**
 * One client's expected effect of one arm versus control, in the outcome's units, with its 95 %
 * interval. Off support ({@code onSupport == false}) the data give no number: the estimate is NaN,
 * or, when a prior was supplied, the prior alone ({@code source == PRIOR}, {@code priorShare == 1}),
 * which is still not to be presented as learned from comparable clients.
 *
 * @param supportNote  why the client is off support, or empty
 * @param dataEstimate the DR-learner's own estimate before any shrinkage (NaN off support)
 * @param dataSd       its standard error
 * @param priorShare   weight of the prior in the estimate: 0 = all data, 1 = all prior
 */
public record ArmEffect(int arm, String treatment, boolean onSupport, String supportNote,
                        double estimate, double lower, double upper, double sd,
                        double dataEstimate, double dataSd, double priorShare, EffectSource source) {

    /** True when there is a number to show (on support, or off support with a prior). */
    public boolean hasEstimate() {
        return !Double.isNaN(estimate);
    }
}
