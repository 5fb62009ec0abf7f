package nl.trede.allocation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import nl.trede.persistence.JsonText;

/**
 * What an allocation run found apart from each client's proposal, as it is stored with the run (its
 * own shape, apart from the API's view). Totals are expected placements (percentage points / 100).
 */
record RunSummary(int cohortSize, int treated, double budgetEuros, double costEuros, double gain, double gainLower,
                  double gainUpper, double bound, List<Price> prices, List<Point> curve, int nearTies, Comparison comparison,
                  List<Limit> fairness) {

    /** A constraint's dual value: {@code code} null for the budget, whose unit is 1,000 euros. */
    record Price(String code, double limit, double used, double placementsPerUnit) {
    }

    record Point(double budgetEuros, double placements) {
    }

    /** A fairness limit's group, its shares among the recipients with every limit and with none, and its cost in placements. */
    record Limit(String attribute, String group, String interventionCode, double minimumRatio, double cohortShare, Double recipientShare,
                 Double recipientShareWithoutLimits, double costPlacements) {
    }

    /** The comparison on the previous period's record; {@code rules} empty unless status is ESTIMATED. */
    record Comparison(String basisPeriod, String status, int decisions, int withOutcome, int horizonNotReached, int noFollowUp,
                      int otherOrCombined, List<RuleValue> rules, Double proposalPoorOverlapShare) {
    }

    /** One rule's expected clients in paid work and its gain over the klantmanagers', each with its 95 % interval. */
    record RuleValue(String rule, int treated, double placements, double lower, double upper, double gain, double gainLower,
                     double gainUpper) {
    }

    String write() {
        return JsonText.write(this);
    }

    static RunSummary read(String json) {
        return JsonText.read(json, new TypeReference<RunSummary>() { });
    }
}
