package nl.trede.core.causal;

/**
 * A prior belief about one client's effect of one arm versus control, in the outcome's units
 * (a probability difference for a 0/1 outcome): normal with this mean and standard deviation.
 */
public record Prior(double mean, double sd) {

    public Prior {
        if (!Double.isFinite(mean) || !(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("prior needs a finite mean and a finite sd >= 0");
        }
    }

    /** The prior whose 95 % interval is [lower, upper]. */
    public static Prior fromInterval95(double lower, double upper) {
        return new Prior((lower + upper) / 2, (upper - lower) / (2 * 1.959963984540054));
    }
}
