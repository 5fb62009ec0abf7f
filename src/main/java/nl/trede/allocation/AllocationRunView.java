package nl.trede.allocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An allocation run: the proposal for each client of the cohort, what it is expected to gain, and what each constraint costs. */
@Schema(name = "AllocationRun")
public record AllocationRunView(
        UUID id,
        @Schema(example = "GM0599") String municipalityCode,
        @Schema(example = "2026-Q4") String period,
        @Schema(example = "12") int horizonMonths,
        @Schema(description = "The capacity plan allocated (its id and version)") UUID capacityPlanId,
        @Schema(example = "1") int capacityPlanVersion,
        @Schema(description = "Version of the effect model behind the expected effects") String effectModelVersion,
        @Schema(description = "Version of the intervention catalogue") String catalogueVersion,
        Instant createdAt,
        @Schema(description = "The municipality's tie randomisation setting (its change) under which the run drew the last places "
                + "among near-tied clients; null: randomisation was off, or the run had fairness limits (which a draw could break), and "
                + "the solver's allocation stands", nullable = true)
        UUID tieRandomisationChangeId,
        Summary summary,
        @Schema(description = "Each client of the cohort, in the cohort's order (oldest intake first). Left out (null) of the "
                + "answer to the POST, which is kept for retries and names no client: GET the run for them", nullable = true)
        List<Proposal> proposals) {

    private static final String INTERVAL = "sum of the clients' 95 % bounds: at least 95 % coverage whatever the correlation "
            + "of their errors; not corrected for choosing the largest estimates";

    private static final String DOUBLY_ROBUST = "influence-function 95 % interval of the doubly robust value";
    private static final String RECORDED = "the recorded outcomes' total, with the normal 95 % interval of a mean";

    /** What the run found, apart from the clients' proposals. */
    @Schema(name = "AllocationSummary")
    public record Summary(
            @Schema(description = "Clients in the cohort", example = "180") int cohortSize,
            @Schema(description = "Clients the proposal gives an intervention", example = "95") int treated,
            @Schema(example = "250000") double budgetEuros,
            @Schema(description = "What the proposal costs", example = "248600") double costEuros,
            @Schema(description = "Expected extra clients in paid work within the horizon, against giving nobody anything")
            Gain expectedGain,
            @Schema(description = "No allocation within the places and the budget can be expected to gain more than this (the "
                    + "linear relaxation's optimum); the difference with expectedGain is what the rounding to whole places may "
                    + "have lost", example = "7.43") double bestPossiblePlacements,
            @Schema(description = "What one more unit of each constraint would add (its dual value): one place, or 1,000 euros")
            List<ShadowPrice> shadowPrices,
            @Schema(description = "The expected gain of the best allocation at other budgets, the places as they are")
            List<BudgetPoint> gainAgainstBudget,
            @Schema(description = "Clients whose proposal is statistically tied with their best alternative at the constraints' "
                    + "prices: whether they or another client get the place is within the model's uncertainty", example = "12")
            int nearTies,
            @Schema(description = "The rule judged on the previous period's own record; null for runs made before it was reported",
                    nullable = true) Comparison comparison,
            @Schema(description = "Per fairness limit asked for, one entry for each group of its attribute in the cohort; empty without "
                    + "limits") List<FairnessLimit> fairness) {
    }

    @Schema(name = "AllocationFairnessLimitResult")
    public record FairnessLimit(
            @Schema(example = "GENDER") String attribute,
            @Schema(example = "FEMALE") String group,
            @Schema(description = "The intervention the limit counts; null for any", nullable = true) String interventionCode,
            @Schema(example = "0.8") double minimumRatio,
            @Schema(description = "The group's share of the cohort's clients with the attribute recorded", example = "0.48") double cohortShare,
            @Schema(description = "Its share among those recipients with every limit imposed; null when there are none", nullable = true,
                    example = "0.40") Double recipientShare,
            @Schema(description = "The same without any limit", nullable = true, example = "0.31") Double recipientShareWithoutLimits,
            @Schema(description = "Expected placements this limit costs: the best allocation without it minus with every limit",
                    example = "0.12") double costPlacements) {
    }

    /**
     * The proposal's rule against the klantmanagers' own allocation, random allocation and "fill places by
     * the largest average effect", all with the same places, on the previous period's decisions and outcomes.
     */
    @Schema(name = "AllocationComparison", description = "Each rule applied to the clients decided on in the period before the "
            + "run's, with the places and budget the klantmanagers used then (per intervention as many places as they gave): the "
            + "expected number in paid work at the horizon, doubly robust (AIPW, the recorded outcomes weighted with the serving "
            + "effect model's propensities and outcome models), with an influence-function 95 % interval. The klantmanagers' own "
            + "value is the recorded outcomes' total. Valid when either nuisance model is right for this municipality; not corrected "
            + "for the proposal being chosen with the same model, so it may be optimistic.")
    public record Comparison(
            @Schema(description = "The period whose record is used", example = "2026-Q3") String basisPeriod,
            @Schema(description = "ESTIMATED; TOO_FEW_OUTCOMES when fewer than 100 decisions of that period have an outcome at the "
                    + "horizon (no values: the interval would not be trustworthy; with a 12-month horizon the previous quarter's "
                    + "outcomes are mostly not known yet); NO_LEARNED_EFFECT_MODEL when the serving effect model has no nuisances",
                    enumeration = {"ESTIMATED", "TOO_FEW_OUTCOMES", "NO_LEARNED_EFFECT_MODEL"}) String status,
            @Schema(description = "Decisions recorded in the period", example = "412") int decisions,
            @Schema(description = "Of those, with an outcome at the horizon: the clients compared", example = "380") int withOutcome,
            @Schema(description = "Left out: the horizon has not passed yet", example = "20") int horizonNotReached,
            @Schema(description = "Left out: the horizon passed without a follow-up", example = "4") int noFollowUp,
            @Schema(description = "Left out: a combination, an intervention without places in the plan, or an erased client",
                    example = "8") int otherOrCombined,
            @Schema(description = "One entry per rule; empty unless ESTIMATED") List<RuleValue> rules,
            @Schema(description = "Share of the clients the proposal gives what hardly anyone like them got (propensity below 0.01): "
                    + "there its value is the outcome model's extrapolation", nullable = true, example = "0.02")
            Double proposalPoorOverlapShare) {
    }

    @Schema(name = "AllocationRuleValue")
    public record RuleValue(
            @Schema(enumeration = {"KLANTMANAGERS", "PROPOSAL", "RANDOM", "LARGEST_AVERAGE_EFFECT"}) String rule,
            @Schema(description = "Clients it gives an intervention", example = "120") int treated,
            @Schema(description = "Expected clients in paid work at the horizon, with a 95 % interval") Gain inPaidWork,
            @Schema(description = "Expected extra clients in paid work against the klantmanagers' own allocation, same clients") Gain
                    gainOverKlantmanagers) {
    }

    /**
     * Expected extra placements with a 95 % interval: the sum of the clients' lower and of their upper
     * bounds, which covers at least 95 % whatever the (unknown) correlation of their errors.
     */
    @Schema(name = "AllocationGain")
    public record Gain(
            @Schema(example = "7.41") double placements,
            @Schema(example = "2.10") double lower,
            @Schema(example = "12.70") double upper,
            @Schema(description = "How the interval is built") String interval) {
    }

    @Schema(name = "AllocationShadowPrice")
    public record ShadowPrice(
            @Schema(description = "PLACES (of one intervention) or BUDGET", enumeration = {"PLACES", "BUDGET"}) String constraint,
            @Schema(description = "The intervention, for PLACES; null for BUDGET", example = "WAGE_SUBSIDY", nullable = true)
            String interventionCode,
            @Schema(description = "The places, or the budget in euros", example = "40") double limit,
            @Schema(description = "How much of it the proposal uses", example = "40") double used,
            @Schema(description = "Expected extra placements from one more place (PLACES) or 1,000 euros more (BUDGET)",
                    example = "0.031") double placementsPerUnit) {
    }

    @Schema(name = "AllocationBudgetPoint")
    public record BudgetPoint(@Schema(example = "125000") double budgetEuros, @Schema(example = "4.2") double placements) {
    }

    @Schema(name = "AllocationProposal")
    public record Proposal(
            UUID intakeId,
            UUID clientId,
            @Schema(description = "The proposed intervention; NONE for none", example = "WAGE_SUBSIDY") String interventionCode,
            @Schema(description = "What the client's own ranking puts first, places and budget aside", example = "WAGE_SUBSIDY")
            String ownBestInterventionCode,
            @Schema(description = "Percentage points on P(paid work) at the horizon, with a 95 % interval (0 for NONE); null once "
                    + "the client's personal data were erased", nullable = true) Effect expectedEffect,
            @Schema(description = "Statistically tied with the best alternative at the constraints' prices") boolean nearTie,
            @Schema(description = "The alternative it is tied with (NONE for nothing); null when not a near-tie", nullable = true)
            String nearTieWith,
            @Schema(description = "In a run that drew among near-tied clients for an option's last places: the probability with "
                    + "which the draw gave this client what is proposed (the place, or nothing); null outside the draw",
                    nullable = true, example = "0.5") Double drawProbability) {
    }

    @Schema(name = "AllocationEffect")
    public record Effect(@Schema(example = "4.1") double pointEstimate, @Schema(example = "1.2") double lower,
                         @Schema(example = "7.0") double upper) {

        /** A proposal's effect; null once the client's data were erased. */
        static Effect of(AllocationProposal p) {
            return p.effect == null ? null : new Effect(p.effect, p.effectLower, p.effectUpper);
        }
    }

    private static Comparison comparison(RunSummary.Comparison c) {
        return c == null ? null : new Comparison(c.basisPeriod(), c.status(), c.decisions(), c.withOutcome(), c.horizonNotReached(),
                c.noFollowUp(), c.otherOrCombined(), c.rules().stream().map(r -> new RuleValue(r.rule(), r.treated(),
                        new Gain(r.placements(), r.lower(), r.upper(), r.rule().equals("KLANTMANAGERS") ? RECORDED : DOUBLY_ROBUST),
                        new Gain(r.gain(), r.gainLower(), r.gainUpper(), DOUBLY_ROBUST))).toList(), c.proposalPoorOverlapShare());
    }

    /** The run's view; {@code proposals} null leaves them out. */
    static AllocationRunView of(AllocationRun run, CapacityPlan plan, List<AllocationProposal> proposals) {
        RunSummary stored = RunSummary.read(run.summary);
        List<ShadowPrice> prices = stored.prices().stream().map(p -> new ShadowPrice(p.code() == null ? "BUDGET" : "PLACES", p.code(),
                p.limit(), p.used(), p.placementsPerUnit())).toList();
        List<BudgetPoint> curve = stored.curve().stream().map(p -> new BudgetPoint(p.budgetEuros(), p.placements())).toList();
        Summary summary = new Summary(stored.cohortSize(), stored.treated(), stored.budgetEuros(), stored.costEuros(),
                new Gain(stored.gain(), stored.gainLower(), stored.gainUpper(), INTERVAL), stored.bound(), prices, curve, stored.nearTies(),
                comparison(stored.comparison()), stored.fairness() == null ? List.of() : stored.fairness().stream()
                        .map(l -> new FairnessLimit(l.attribute(), l.group(), l.interventionCode(), l.minimumRatio(), l.cohortShare(),
                                l.recipientShare(), l.recipientShareWithoutLimits(), l.costPlacements())).toList());
        List<Proposal> items = proposals == null ? null : proposals.stream().map(p -> new Proposal(p.intakeId, p.clientId, p.interventionCode, p.ownBestCode,
                Effect.of(p), p.nearTie, p.nearTieWith, p.drawProbability)).toList();
        return new AllocationRunView(run.id, run.municipalityCode, run.period, run.horizonMonths, plan.id, plan.version,
                run.effectModelVersion, run.catalogueVersion, run.createdAt, run.tieRandomisationChangeId, summary, items);
    }
}
