package nl.trede.allocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.trede.api.Conflict;
import nl.trede.api.InvalidInputException;
import nl.trede.api.NotFound;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.api.ProblemCode;
import nl.trede.audit.AuditTrail;
import nl.trede.core.allocation.Allocation;
import nl.trede.core.allocation.AllocationProblem;
import nl.trede.core.allocation.Allocator;
import nl.trede.core.allocation.Candidate;
import nl.trede.core.allocation.GroupLimit;
import nl.trede.core.allocation.Offer;
import nl.trede.core.allocation.TieLottery;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.recommend.Advice;
import nl.trede.core.recommend.RankedIntervention;
import nl.trede.core.recommend.Recommender;
import nl.trede.draw.TieRandomisationChange;
import nl.trede.draw.TieRandomisationService;
import nl.trede.intake.Intake;
import nl.trede.models.ActiveModels;
import nl.trede.models.ModelSet;
import nl.trede.security.CurrentUser;

/**
 * Allocates a period's places and budget over a cohort of open intakes: each client's expected
 * effects come from the serving model set (one snapshot for the whole run), the same advice the
 * klantmanager sees; the allocation is the {@link Allocator}'s. Every run is stored and audited.
 */
@ApplicationScoped
public class AllocationRunService {

    static final String RESOURCE = "allocation-run";

    /** The budgets of the gain-against-budget curve, as shares of the plan's budget. */
    private static final double[] CURVE = {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2};

    private final ActiveModels models;
    private final CapacityPlanService plans;
    private final CurrentUser user;
    private final AuditTrail audit;
    private final Recommender recommender = new Recommender();
    private final Allocator allocator = new Allocator();
    private final ProtectedAttribute.Groups groups;
    private final TieRandomisationService tieRandomisation;
    private final SecureRandom random = new SecureRandom();

    public AllocationRunService(ActiveModels models, CapacityPlanService plans, CurrentUser user, AuditTrail audit,
                                ProtectedAttribute.Groups groups, TieRandomisationService tieRandomisation) {
        this.groups = groups;
        this.tieRandomisation = tieRandomisation;
        this.models = models;
        this.plans = plans;
        this.user = user;
        this.audit = audit;
    }

    /** Runs and stores an allocation; the answer leaves the proposals out (see {@link AllocationRunView#proposals}). */
    @Transactional
    public AllocationRunView run(AllocationRunRequest request) {
        int horizon = horizon(request.horizonMonths());
        user.requireActingFor(request.municipalityCode());
        List<Intake> cohort = request.intakeIds() == null ? open(request.municipalityCode()) : listed(request);
        CapacityPlan plan = plans.inForce(request.municipalityCode(), request.period())
                .orElseThrow(() -> new Conflict("There is no capacity plan for " + request.municipalityCode() + " in "
                        + request.period() + ": PUT /capacity-plans/" + request.municipalityCode() + "/" + request.period() + " first"));
        ModelSet set = models.current();
        List<Offer> offers = plan.placeList().stream().map(p -> new Offer(p.interventionCode(), p.places(), p.costEuros())).toList();
        Map<ProtectedAttribute, Map<UUID, String>> recorded = recordedGroups(request.fairnessLimits(), cohort, offers);
        List<Candidate> candidates = new ArrayList<>();
        List<String> ownBest = new ArrayList<>();
        for (Intake intake : cohort) {
            Advice advice = recommender.recommend(intake.profile(), intake.probability, set.catalogue(), set.effects(), horizon);
            Map<String, String> groups = new HashMap<>();
            recorded.forEach((attribute, byClient) -> {
                if (byClient.containsKey(intake.clientId)) {
                    groups.put(attribute.name(), byClient.get(intake.clientId));
                }
            });
            candidates.add(candidate(intake, advice, offers, groups));
            ownBest.add(advice.top().intervention().code());
        }
        AllocationProblem problem = new AllocationProblem(offers, plan.budgetEuros, candidates, limits(request.fairnessLimits(), recorded, offers));
        Allocation solved = allocator.solve(problem);
        // where the municipality has tie randomisation on, the near-tied clients draw for the last places
        Optional<TieRandomisationChange> setting = tieRandomisation.switchedOn(request.municipalityCode());
        TieLottery.Drawn drawn = setting.flatMap(on -> TieLottery.draw(problem, solved, random)).orElse(null);
        Allocation allocation = drawn == null ? solved : drawn.allocation();

        AllocationRun run = new AllocationRun();
        run.id = UUID.randomUUID();
        run.municipalityCode = request.municipalityCode();
        run.period = request.period();
        run.horizonMonths = horizon;
        run.capacityPlanId = plan.id;
        run.effectModelVersion = set.effects().version();
        run.catalogueVersion = set.catalogue().version();
        RunSummary.Comparison comparison = LastPeriodComparison.compare(request.municipalityCode(), request.period(), horizon, set,
                offers, intake -> candidate(intake, recommender.recommend(intake.profile(), intake.probability, set.catalogue(),
                        set.effects(), horizon), offers, null));
        run.summary = summary(problem, allocation, comparison).write();
        run.createdAt = Instant.now();
        run.createdBy = user.id();
        run.tieRandomisationChangeId = drawn == null ? null : setting.get().id;
        run.persist();
        List<AllocationProposal> proposals = new ArrayList<>();
        for (int i = 0; i < cohort.size(); i++) {
            AllocationProposal proposal = proposal(run, i, cohort.get(i), candidates.get(i), allocation.placements().get(i), offers,
                    ownBest.get(i));
            if (drawn != null && !Double.isNaN(drawn.probability()[i])) {
                proposal.drawProbability = drawn.probability()[i];
            }
            proposals.add(proposal);
        }
        AllocationProposal.persist(proposals);
        audit.record(AuditTrail.Action.CREATE, RESOURCE, run.id, run.municipalityCode, run.effectModelVersion,
                recorded.isEmpty() ? null : AuditTrail.Detail.FAIRNESS_ATTRIBUTES_USED);
        return AllocationRunView.of(run, plan, null);
    }

    @Transactional
    public AllocationRunView read(UUID runId) {
        AllocationRun run = AllocationRun.<AllocationRun>findByIdOptional(runId).orElseThrow(() -> new NotFound("Allocation run " + runId));
        user.requireVisible(run.municipalityCode, "Allocation run", runId);
        audit.record(AuditTrail.Action.READ, RESOURCE, run.id, run.municipalityCode, run.effectModelVersion);
        return AllocationRunView.of(run, CapacityPlan.findById(run.capacityPlanId), AllocationProposal.ofRun(run.id));
    }

    private static int horizon(Integer requested) {
        if (requested == null || requested == 12) {
            return 12;
        }
        if (requested == 24) {
            return 24;
        }
        throw new InvalidInputException("horizonMonths", ProblemCode.INVALID_VALUE, "must be 12 or 24");
    }

    /** The open caseload: each client's latest intake, when no decision was taken on it yet; oldest first. */
    private static List<Intake> open(String municipalityCode) {
        return Intake.list("from Intake i where i.municipalityCode = ?1 and i.erased = false"
                + " and not exists (select 1 from Decision d where d.intakeId = i.id)"
                + " and not exists (select 1 from Intake later where later.clientId = i.clientId and later.createdAt > i.createdAt)"
                + " order by i.createdAt, i.id", municipalityCode);
    }

    /** The listed intakes, in the order given; an id that is unknown, erased, of another municipality or listed twice is invalid. */
    private List<Intake> listed(AllocationRunRequest request) {
        List<InvalidParam> invalid = new ArrayList<>();
        List<Intake> cohort = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.intakeIds().size(); i++) {
            UUID id = request.intakeIds().get(i);
            Optional<Intake> intake = Intake.<Intake>findByIdOptional(id)
                    .filter(x -> x.municipalityCode.equals(request.municipalityCode()) && !x.erased);
            if (intake.isEmpty()) {
                invalid.add(new InvalidParam("intakeIds[" + i + "]", ProblemCode.UNKNOWN_REFERENCE,
                        "is no intake of municipality " + request.municipalityCode()));
            } else if (!seen.add(id)) {
                invalid.add(new InvalidParam("intakeIds[" + i + "]", ProblemCode.DUPLICATE, "is listed twice"));
            } else {
                cohort.add(intake.get());
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        return cohort;
    }

    /** An offer the client is not eligible for, or has no comparable history for, cannot be given. */
    private static Candidate candidate(Intake intake, Advice advice, List<Offer> offers, Map<String, String> groups) {
        int k = offers.size();
        double[] effect = new double[k];
        double[] lower = new double[k];
        double[] upper = new double[k];
        for (int o = 0; o < k; o++) {
            String code = offers.get(o).code();
            Optional<RankedIntervention> ranked = advice.ranked().stream()
                    .filter(r -> r.intervention().code().equals(code) && r.effect().comparableHistory()).findFirst();
            effect[o] = ranked.map(r -> r.effect().pointEstimate()).orElse(Double.NaN);
            lower[o] = ranked.map(r -> r.effect().lower()).orElse(Double.NaN);
            upper[o] = ranked.map(r -> r.effect().upper()).orElse(Double.NaN);
        }
        return new Candidate(intake.id.toString(), effect, lower, upper, groups);
    }

    /** The recorded groups of the cohort's clients for each attribute a limit names; a limit's intervention must be on the plan. */
    private Map<ProtectedAttribute, Map<UUID, String>> recordedGroups(List<AllocationRunRequest.FairnessLimit> requested, List<Intake> cohort,
                                                                     List<Offer> offers) {
        Map<ProtectedAttribute, Map<UUID, String>> recorded = new EnumMap<>(ProtectedAttribute.class);
        if (requested == null) {
            return recorded;
        }
        List<InvalidParam> invalid = new ArrayList<>();
        for (int l = 0; l < requested.size(); l++) {
            String code = requested.get(l).interventionCode();
            if (code != null && offers.stream().noneMatch(o -> o.code().equals(code))) {
                invalid.add(new InvalidParam("fairnessLimits[" + l + "].interventionCode", ProblemCode.INVALID_VALUE,
                        "is not an intervention of the period's capacity plan"));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        List<UUID> clients = cohort.stream().map(i -> i.clientId).toList();
        requested.forEach(limit -> recorded.computeIfAbsent(limit.attribute(), a -> groups.of(a, clients)));
        return recorded;
    }

    /** Per requested limit, one limit for each group of its attribute that the cohort has. */
    private static List<GroupLimit> limits(List<AllocationRunRequest.FairnessLimit> requested, Map<ProtectedAttribute, Map<UUID, String>> recorded,
                                           List<Offer> offers) {
        List<GroupLimit> limits = new ArrayList<>();
        if (requested == null) {
            return limits;
        }
        List<String> codes = offers.stream().map(Offer::code).toList();
        for (AllocationRunRequest.FairnessLimit limit : requested) {
            int offer = limit.interventionCode() == null ? Allocation.NOTHING : codes.indexOf(limit.interventionCode());
            for (String group : new TreeSet<>(recorded.get(limit.attribute()).values())) {
                limits.add(new GroupLimit(limit.attribute().name(), group, limit.minimumRatio(), offer));
            }
        }
        return limits;
    }

    /** Each limit's shares with and without every limit, and what it costs: the optimum without it minus with all. */
    private List<RunSummary.Limit> fairness(AllocationProblem problem, Allocation allocation) {
        if (problem.groupLimits().isEmpty()) {
            return List.of();
        }
        Allocation free = allocator.solve(new AllocationProblem(problem.offers(), problem.budgetEuros(), problem.candidates(), List.of()));
        double[] costs = allocator.costOfLimits(problem);
        List<RunSummary.Limit> result = new ArrayList<>();
        for (int g = 0; g < costs.length; g++) {
            GroupLimit limit = problem.groupLimits().get(g);
            String code = limit.offer() == Allocation.NOTHING ? null : problem.offers().get(limit.offer()).code();
            result.add(new RunSummary.Limit(limit.attribute(), limit.group(), code, limit.minimumRatio(), limit.cohortShare(problem.candidates()),
                    share(limit.recipientShare(problem.candidates(), allocation)), share(limit.recipientShare(problem.candidates(), free)),
                    placements(costs[g])));
        }
        return result;
    }

    /** No recipients, no share: null rather than NaN, which JSON has no number for. */
    private static Double share(double share) {
        return Double.isNaN(share) ? null : share;
    }

    private RunSummary summary(AllocationProblem problem, Allocation allocation, RunSummary.Comparison comparison) {
        List<Offer> offers = problem.offers();
        List<RunSummary.Price> prices = new ArrayList<>();
        for (int o = 0; o < offers.size(); o++) {
            prices.add(new RunSummary.Price(offers.get(o).code(), offers.get(o).places(), allocation.placesUsed()[o],
                    placements(allocation.placePrices()[o])));
        }
        prices.add(new RunSummary.Price(null, problem.budgetEuros(), allocation.costEuros(), placements(allocation.budgetPrice() * 1000)));
        double reference = problem.budgetEuros() > 0 ? problem.budgetEuros()
                : offers.stream().mapToDouble(o -> o.places() * o.costEuros()).sum();
        double[] budgets = new double[CURVE.length];
        for (int b = 0; b < CURVE.length; b++) {
            budgets[b] = Math.round(CURVE[b] * reference);
        }
        double[] gains = allocator.gainAgainstBudget(problem, budgets);
        List<RunSummary.Point> curve = new ArrayList<>();
        for (int b = 0; b < budgets.length; b++) {
            curve.add(new RunSummary.Point(budgets[b], placements(gains[b])));
        }
        int nearTies = (int) allocation.placements().stream().filter(Allocation.Placement::nearTie).count();
        return new RunSummary(problem.candidates().size(), allocation.treated(), problem.budgetEuros(), allocation.costEuros(),
                placements(allocation.totalEffect()), placements(allocation.totalLower()), placements(allocation.totalUpper()),
                placements(allocation.bound()), prices, curve, nearTies, comparison, fairness(problem, allocation));
    }

    private static AllocationProposal proposal(AllocationRun run, int position, Intake intake, Candidate candidate,
                                               Allocation.Placement placement, List<Offer> offers, String ownBest) {
        AllocationProposal p = new AllocationProposal();
        p.newFactAbout(intake.clientId, intake.municipalityCode);
        p.createdAt = run.createdAt;
        p.runId = run.id;
        p.intakeId = intake.id;
        p.position = position;
        p.ownBestCode = ownBest;
        int o = placement.offer();
        p.interventionCode = o == Allocation.NOTHING ? Intervention.NONE : offers.get(o).code();
        p.effect = o == Allocation.NOTHING ? 0 : candidate.effect()[o];
        p.effectLower = o == Allocation.NOTHING ? 0 : candidate.lower()[o];
        p.effectUpper = o == Allocation.NOTHING ? 0 : candidate.upper()[o];
        p.nearTie = placement.nearTie();
        if (placement.nearTie()) {
            p.nearTieWith = placement.rival() == Allocation.NOTHING ? Intervention.NONE : offers.get(placement.rival()).code();
        }
        return p;
    }

    /** Percentage points summed over clients are expected placements times 100. */
    private static double placements(double percentagePoints) {
        return percentagePoints / 100;
    }
}
