package nl.trede.core.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Who can get which intervention, how many places each has, what they cost and the budget: give
 * each client at most one offer (or nothing) so that the total expected effect is largest, no offer
 * takes more clients than its places, the cost stays within the budget and every group limit holds.
 */
public record AllocationProblem(List<Offer> offers, double budgetEuros, List<Candidate> candidates, List<GroupLimit> groupLimits) {

    public AllocationProblem {
        offers = List.copyOf(offers);
        candidates = List.copyOf(candidates);
        groupLimits = List.copyOf(groupLimits);
        if (budgetEuros < 0) {
            throw new IllegalArgumentException("A budget is not negative");
        }
        for (Candidate c : candidates) {
            if (c.effect().length != offers.size()) {
                throw new IllegalArgumentException("Candidate " + c.id() + " has no effect for every offer");
            }
        }
    }

    public AllocationProblem withBudget(double euros) {
        return new AllocationProblem(offers, euros, candidates, groupLimits);
    }

    public AllocationProblem withoutLimit(GroupLimit limit) {
        List<GroupLimit> rest = new ArrayList<>(groupLimits);
        rest.remove(limit);
        return new AllocationProblem(offers, budgetEuros, candidates, rest);
    }
}
