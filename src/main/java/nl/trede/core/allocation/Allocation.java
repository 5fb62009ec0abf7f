package nl.trede.core.allocation;

import java.util.List;

/**
 * The allocation an {@link Allocator} proposes, with what it is worth and what each constraint costs.
 * Effects are in percentage points on P(paid work), summed over clients: 100 is one expected placement.
 *
 * @param placements        per candidate, in the problem's order
 * @param totalEffect       the sum of the proposed effects
 * @param totalLower        the sum of their lower 95 % bounds: see {@link Allocator} for why this is the interval
 * @param totalUpper        the sum of their upper 95 % bounds
 * @param bound             the linear relaxation's optimum: no allocation within the constraints does better, so
 *                          {@code bound - totalEffect} bounds what the rounding to whole places lost
 * @param placePrices       per offer, what one more place adds to the total (the dual value of its place limit)
 * @param budgetPrice       what one more euro of budget adds to the total (the dual value of the budget)
 * @param limitPrices       per group limit, in the problem's order, what relaxing the limit's ratio by 1 adds
 * @param placesUsed        per offer, the places the proposal uses
 * @param costEuros         what the proposal costs
 */
public record Allocation(List<Placement> placements, double totalEffect, double totalLower, double totalUpper, double bound,
                         double[] placePrices, double budgetPrice, double[] limitPrices, int[] placesUsed, double costEuros) {

    /** The index that stands for "nothing" where an offer's index is expected. */
    public static final int NOTHING = -1;

    /**
     * What one client gets.
     *
     * @param offer   the offer's index, or {@link #NOTHING}
     * @param nearTie whether, at the prices the constraints put on the places and the budget, the client's
     *                proposal and the best alternative ({@code rival}, an offer or {@link #NOTHING}) are
     *                statistically tied for this client: whether this client or another gets the place is
     *                within the model's uncertainty
     */
    public record Placement(int offer, boolean nearTie, int rival) {
    }

    /** The allocation of these placements, its total and interval summed from the candidates' effects. */
    static Allocation of(List<Placement> placements, List<Candidate> candidates, double bound, double[] placePrices,
                         double budgetPrice, double[] limitPrices, int[] placesUsed, double costEuros) {
        double total = 0;
        double lower = 0;
        double upper = 0;
        for (int i = 0; i < candidates.size(); i++) {
            int o = placements.get(i).offer();
            if (o != NOTHING) {
                Candidate c = candidates.get(i);
                total += c.effect()[o];
                lower += c.lower()[o];
                upper += c.upper()[o];
            }
        }
        return new Allocation(List.copyOf(placements), total, lower, upper, bound, placePrices, budgetPrice, limitPrices, placesUsed,
                costEuros);
    }

    /** How many clients get an intervention. */
    public int treated() {
        return (int) placements.stream().filter(p -> p.offer() != NOTHING).count();
    }
}
