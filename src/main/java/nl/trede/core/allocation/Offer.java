package nl.trede.core.allocation;

/**
 * An intervention on offer in a period: how many clients it can take and what one place costs.
 *
 * @param code      the catalogue code
 * @param places    the most clients it can take in the period
 * @param costEuros the cost of one place, counted against the budget
 */
public record Offer(String code, int places, double costEuros) {

    public Offer {
        if (places < 0 || costEuros < 0) {
            throw new IllegalArgumentException("An offer has no negative places or cost: " + code);
        }
    }
}
