package nl.trede.allocation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.trede.core.allocation.Candidate;
import nl.trede.core.allocation.Offer;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.effects.LearnedEffectModel;
import nl.trede.core.effects.PolicyNuisances;
import nl.trede.core.evaluation.AllocationComparison;
import nl.trede.decision.Decision;
import nl.trede.intake.Intake;
import nl.trede.models.ModelSet;
import nl.trede.outcome.Outcome;
import nl.trede.trainingdata.PaidWorkLabel;

/**
 * The run's honest comparison ({@link AllocationComparison}) on the municipality's own record: the
 * decisions of the period before the run's (the quarter or month before), each with the outcome at
 * the run's horizon, the klantmanager's choice as the logged arm, and the nuisances of the serving
 * (learned) effect model. Only decisions of one intervention on the plan, or NONE, are arms; a
 * decision whose horizon has not passed, or that was not followed up, has no outcome and is left out,
 * counted, never read as "no work".
 */
final class LastPeriodComparison {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private LastPeriodComparison() {
    }

    /** The period before a quarter (2026-Q4 → 2026-Q3) or a month (2026-11 → 2026-10), as [start, end). */
    record Period(String name, LocalDate start, LocalDate end) {

        static Period before(String period) {
            int year = Integer.parseInt(period.substring(0, 4));
            if (period.charAt(5) == 'Q') {
                int quarter = period.charAt(6) - '0';
                LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1).minusMonths(3);
                return new Period(start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1), start, start.plusMonths(3));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(period.substring(5))).minusMonths(1);
            return new Period(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
        }
    }

    static RunSummary.Comparison compare(String municipalityCode, String period, int horizon, ModelSet set, List<Offer> offers,
                                         Function<Intake, Candidate> candidate) {
        Period basis = Period.before(period);
        List<Decision> decisions = Decision.list("municipalityCode = ?1 and createdAt >= ?2 and createdAt < ?3 order by createdAt, id",
                municipalityCode, basis.start().atStartOfDay(ZONE).toInstant(), basis.end().atStartOfDay(ZONE).toInstant());
        Map<UUID, Intake> intakes = decisions.isEmpty() ? Map.of()
                : Intake.<Intake>list("id in ?1", decisions.stream().map(d -> d.intakeId).distinct().toList()).stream()
                        .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<UUID, List<PaidWorkLabel.Observation>> observations = decisions.isEmpty() ? Map.of()
                : Outcome.<Outcome>list("clientId in ?1", decisions.stream().map(d -> d.clientId).distinct().toList()).stream()
                        .collect(Collectors.groupingBy(o -> o.clientId,
                                Collectors.mapping(o -> new PaidWorkLabel.Observation(o.observedOn, o.status), Collectors.toList())));
        List<String> codes = offers.stream().map(Offer::code).toList();
        List<Intervention> catalogue = set.catalogue().interventions().stream().filter(i -> !i.isNone()).toList();
        List<Intervention> offered = codes.stream().map(c -> set.catalogue().find(c).orElseThrow()).toList();
        LearnedEffectModel learned = set.effects() instanceof LearnedEffectModel m ? m : null;
        LocalDate today = LocalDate.now(ZONE);
        int otherOrCombined = 0;
        int censored = 0;
        int noFollowUp = 0;
        List<AllocationComparison.Observed> observed = new ArrayList<>();
        for (Decision d : decisions) {
            Intake intake = intakes.get(d.intakeId);
            List<String> chosen = d.chosenCodes();
            if (intake.erased || chosen.size() != 1 || !(chosen.get(0).equals(Intervention.NONE) || codes.contains(chosen.get(0)))) {
                otherOrCombined++;
                continue;
            }
            PaidWorkLabel label = PaidWorkLabel.within(horizon, LocalDate.ofInstant(d.createdAt, ZONE),
                    observations.getOrDefault(d.clientId, List.of()), today);
            if (label.status() == PaidWorkLabel.Status.HORIZON_NOT_REACHED) {
                censored++;
            } else if (label.status() == PaidWorkLabel.Status.NO_FOLLOW_UP) {
                noFollowUp++;
            } else if (learned != null) {
                PolicyNuisances n = PolicyNuisances.of(learned, intake.profile(), intake.probability, catalogue, offered, horizon);
                observed.add(new AllocationComparison.Observed(candidate.apply(intake), codes.indexOf(chosen.get(0)), label.worked(),
                        n.propensity(), n.outcomeMean()));
            }
        }
        int withOutcome = decisions.size() - otherOrCombined - censored - noFollowUp;
        String status = learned == null ? "NO_LEARNED_EFFECT_MODEL"
                : withOutcome < AllocationComparison.MIN_OUTCOMES ? "TOO_FEW_OUTCOMES" : "ESTIMATED";
        if (!status.equals("ESTIMATED")) {
            return new RunSummary.Comparison(basis.name(), status, decisions.size(), withOutcome, censored, noFollowUp, otherOrCombined,
                    List.of(), null);
        }
        AllocationComparison.Result result = AllocationComparison.compare(offers, observed, 20261201L);
        List<RunSummary.RuleValue> rules = result.values().stream().map(v -> new RunSummary.RuleValue(v.rule().name(), v.treated(),
                v.placements().value(), v.placements().lower(), v.placements().upper(), v.gainOverKlantmanagers().value(),
                v.gainOverKlantmanagers().lower(), v.gainOverKlantmanagers().upper())).toList();
        return new RunSummary.Comparison(basis.name(), status, decisions.size(), withOutcome, censored, noFollowUp, otherOrCombined,
                rules, result.proposalPoorOverlapShare());
    }
}
