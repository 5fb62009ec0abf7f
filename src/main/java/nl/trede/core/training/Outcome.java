package nl.trede.core.training;

/**
 * Whether a client had paid work within a horizon. {@link #UNKNOWN} is a censored outcome: the
 * horizon has not passed yet (or the outcome was never recorded), which is not the same as "no
 * work"; learners leave such records out at that horizon.
 */
public enum Outcome {
    WORKED, NOT_WORKED, UNKNOWN;

    public static Outcome of(boolean worked) {
        return worked ? WORKED : NOT_WORKED;
    }

    public boolean known() {
        return this != UNKNOWN;
    }

    /** True for {@link #WORKED}; asking a censored outcome is a bug in the learner. */
    public boolean worked() {
        if (this == UNKNOWN) {
            throw new IllegalStateException("the outcome is not known yet (censored)");
        }
        return this == WORKED;
    }
}
