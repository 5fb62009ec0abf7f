package nl.trede.core.recommend;

import java.util.List;

/**
 * Ranked advice for one client at one horizon: eligible interventions by expected effect (those
 * without comparable history last), and the ineligible ones apart.
 *
 * @param baselineChance the chance of paid work within 12 months without help that the effects
 *                       were computed from (the client's distance score)
 */
public record Advice(int horizonMonths, double baselineChance, List<RankedIntervention> ranked, List<Exclusion> notEligible) {

    /** The first-ranked intervention; {@code NONE} is always eligible, so there is one. */
    public RankedIntervention top() {
        return ranked.get(0);
    }
}
