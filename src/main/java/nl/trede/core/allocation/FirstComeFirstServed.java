package nl.trede.core.allocation;

import java.util.List;

/**
 * The capacity-blind rule to beat: clients in the cohort's order (first come, first served) each get
 * their own best offer (largest positive expected effect) that still has a place and fits the
 * remaining budget, else nothing. Each klantmanager choosing alone for their own client does this.
 */
public final class FirstComeFirstServed {

    private FirstComeFirstServed() {
    }

    /** Per candidate, the offer's index or {@link Allocation#NOTHING}. */
    public static int[] allocate(AllocationProblem problem) {
        List<Offer> offers = problem.offers();
        int[] left = offers.stream().mapToInt(Offer::places).toArray();
        double budget = problem.budgetEuros();
        int[] given = new int[problem.candidates().size()];
        for (int i = 0; i < given.length; i++) {
            Candidate c = problem.candidates().get(i);
            int best = Allocation.NOTHING;
            for (int o = 0; o < offers.size(); o++) {
                if (c.assignable(o) && c.effect()[o] > 0 && left[o] > 0 && offers.get(o).costEuros() <= budget
                        && (best == Allocation.NOTHING || c.effect()[o] > c.effect()[best])) {
                    best = o;
                }
            }
            given[i] = best;
            if (best != Allocation.NOTHING) {
                left[best]--;
                budget -= offers.get(best).costEuros();
            }
        }
        return given;
    }
}
