package nl.trede.core.causal;

import java.util.ArrayList;
import java.util.List;

/**
 * A term of the DR-learner's final stage that the data chose ({@link TermSearch}): 1 for the clients
 * for whom every one of its conditions holds, 0 for the others. One condition is a threshold effect
 * ("an option helps only from 36 months on benefit"); two are an interaction ("only with a driving
 * licence and without care duties"). Stated on the raw feature columns, so the model file says
 * exactly which clients a term covers.
 */
public record EffectTerm(List<Condition> conditions) {

    /**
     * {@code x[column] >= cut} (or {@code < cut}); never true for a client whose value is missing,
     * where the design has a missing indicator for the column ({@code missingColumn}, -1 when it has none).
     */
    public record Condition(int column, double cut, boolean atLeast, int missingColumn) {

        public boolean holds(double[] x) {
            if (missingColumn >= 0 && x[missingColumn] != 0) {
                return false;
            }
            return atLeast ? x[column] >= cut : x[column] < cut;
        }

        /** The same threshold, the other side. */
        public Condition negated() {
            return new Condition(column, cut, !atLeast, missingColumn);
        }
    }

    public EffectTerm {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a term needs at least one condition");
        }
        conditions = List.copyOf(conditions);
    }

    public static EffectTerm of(Condition condition) {
        return new EffectTerm(List.of(condition));
    }

    /** This term and one more condition. */
    public EffectTerm and(Condition condition) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(condition);
        return new EffectTerm(more);
    }

    public double value(double[] x) {
        for (Condition c : conditions) {
            if (!c.holds(x)) {
                return 0;
            }
        }
        return 1;
    }
}
