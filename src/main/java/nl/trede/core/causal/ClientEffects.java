package nl.trede.core.causal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All arms' effects for one client, with the tie rule.
 *
 * <p>Tie rule: two options are tied when the 95 % interval of the difference of their effects
 * contains 0, i.e. {@code |effect_a - effect_b| <= 1.96 * sd(effect_a - effect_b)}. The control
 * counts as an option with effect 0 and no uncertainty, so a treatment is tied with the control
 * exactly when its own interval contains 0. The variance of the difference uses the final-stage
 * coefficient covariance of both arms, which is estimated jointly, so the correlation between the
 * two estimates is kept: {@code var = sd_a^2 + sd_b^2 - 2 (1-priorShare_a)(1-priorShare_b) cov_ab},
 * where {@code cov_ab} is the data covariance; after shrinkage this treats the two priors as
 * independent (an approximation). Only on-support options take part in ties and in the choice
 * of the best.
 */
public final class ClientEffects {

    private static final double Z95 = 1.959963984540054;

    private final List<ArmEffect> effects;
    private final DataCovariance dataCovariance;

    /**
     * @param effects        one per treatment arm, arms 1..K-1 in order
     * @param dataCovariance the covariance of two treatment arms' data estimates, computed when a tie
     *                       needs it: most callers read one arm's effect, and each covariance is a
     *                       quadratic form over the final stage's coefficients
     */
    ClientEffects(List<ArmEffect> effects, DataCovariance dataCovariance) {
        this.effects = List.copyOf(effects);
        this.dataCovariance = dataCovariance;
    }

    /** The covariance of the data estimates of treatment arms a and b (1 .. K-1). */
    interface DataCovariance {
        double between(int armA, int armB);
    }

    /** The treatment arms' effects, arm 1 first. */
    public List<ArmEffect> effects() {
        return effects;
    }

    /** The effect of one treatment arm (1 .. K-1). */
    public ArmEffect effect(int arm) {
        return effects.get(arm - 1);
    }

    /** The standard deviation of effect(a) - effect(b); arm 0 is the control. NaN if either has no number. */
    public double differenceSd(int armA, int armB) {
        if (armA == armB) {
            return 0;
        }
        double variance = 0;
        double covariance = 0;
        double weightA = 1;
        double weightB = 1;
        if (armA > 0) {
            ArmEffect a = effect(armA);
            variance += a.sd() * a.sd();
            weightA = 1 - a.priorShare();
        }
        if (armB > 0) {
            ArmEffect b = effect(armB);
            variance += b.sd() * b.sd();
            weightB = 1 - b.priorShare();
        }
        if (armA > 0 && armB > 0) {
            covariance = weightA * weightB * dataCovariance.between(armA, armB);
        }
        return Math.sqrt(Math.max(0, variance - 2 * covariance));
    }

    /**
     * Whether two options are statistically tied for this client (see the class comment). False
     * when either is off support.
     */
    public boolean tied(int armA, int armB) {
        if (!eligible(armA) || !eligible(armB)) {
            return false;
        }
        return Math.abs(value(armA) - value(armB)) <= Z95 * differenceSd(armA, armB);
    }

    /**
     * The on-support option with the largest effect (the control counts, with effect 0) followed by
     * every option tied with it, best first. Assumes a larger outcome is better.
     */
    public List<Integer> bestAndTied() {
        List<Integer> options = new ArrayList<>();
        for (int arm = 0; arm <= effects.size(); arm++) {
            if (eligible(arm)) {
                options.add(arm);
            }
        }
        options.sort(Comparator.comparingDouble(this::value).reversed());
        int best = options.get(0);
        List<Integer> result = new ArrayList<>();
        result.add(best);
        for (int arm : options.subList(1, options.size())) {
            if (tied(best, arm)) {
                result.add(arm);
            }
        }
        return result;
    }

    private boolean eligible(int arm) {
        return arm == 0 || (effect(arm).onSupport() && effect(arm).hasEstimate());
    }

    private double value(int arm) {
        return arm == 0 ? 0 : effect(arm).estimate();
    }
}
