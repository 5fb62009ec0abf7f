package nl.trede.core.allocation;

/**
 * A fairness limit: the group's share among the clients who get an intervention must be at least
 * {@code minimumRatio} times its share of the cohort (0.8 is the "four-fifths" rule). As a linear
 * constraint: {@code n · T_g − ratio · n_g · T ≥ 0}, with T the clients given an intervention, T_g
 * those of the group, n and n_g the cohort and the group's size.
 */
public record GroupLimit(String group, double minimumRatio) {

    public GroupLimit {
        if (!(minimumRatio > 0 && minimumRatio <= 1)) {
            throw new IllegalArgumentException("A minimum ratio lies in (0, 1]");
        }
    }
}
