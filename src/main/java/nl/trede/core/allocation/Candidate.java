package nl.trede.core.allocation;

import java.util.Map;

/**
 * One client of the cohort, with the expected effect of each offer (in the problem's order), in
 * percentage points on P(paid work), and its 95 % interval. {@code NaN} marks an offer that cannot be
 * given to this client: not eligible, or not enough comparable history to estimate its effect.
 *
 * @param groups the client's group per protected attribute for the fairness limits (an attribute not
 *               recorded is absent), or null when no limit asks for them
 */
public record Candidate(String id, double[] effect, double[] lower, double[] upper, Map<String, String> groups) {

    public Candidate {
        if (effect.length != lower.length || effect.length != upper.length) {
            throw new IllegalArgumentException("One effect, lower and upper bound per offer");
        }
    }

    public boolean assignable(int offer) {
        return !Double.isNaN(effect[offer]);
    }

    /** The standard error read off the 95 % interval, as the recommender reads it. */
    double standardError(int offer) {
        return (upper[offer] - lower[offer]) / (2 * Allocator.Z95);
    }
}
