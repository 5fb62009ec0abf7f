package nl.trede.overriderates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.trede.decision.ReasonCode;
import nl.trede.outcome.OutcomeStatus;
import nl.trede.overriderates.OverrideRates.Period;
import nl.trede.trainingdata.PaidWorkLabel;

/** Computes override rates from the decision table, per period, reason and advised intervention, and how clients fared after. */
@ApplicationScoped
public class OverrideRateService {

    /** Periods follow the municipality's calendar, not UTC. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final EntityManager em;

    public OverrideRateService(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OverrideRates rates(String municipalityCode, Period period) {
        // Only the columns needed: this runs over every decision and outcome of the municipality.
        List<Object[]> rows = em.createQuery("select d.createdAt, d.override, d.reasonCode, d.recommendedCode, d.clientId"
                        + " from Decision d where d.municipalityCode = ?1 order by d.createdAt", Object[].class)
                .setParameter(1, municipalityCode)
                .getResultList();
        Map<UUID, List<PaidWorkLabel.Observation>> observations = observations(municipalityCode);
        LocalDate today = LocalDate.now(ZONE);

        TreeMap<LocalDate, long[]> perPeriod = new TreeMap<>();
        Map<ReasonCode, Long> perReason = new EnumMap<>(ReasonCode.class);
        for (ReasonCode code : ReasonCode.values()) {
            perReason.put(code, 0L);
        }
        Map<String, long[]> perAdvised = new TreeMap<>();
        long[][] afterwards = new long[2][3]; // [followed, overridden] × [decisions, labelled, worked]
        long overrides = 0;
        for (Object[] row : rows) {
            LocalDate decidedOn = ((Instant) row[0]).atZone(ZONE).toLocalDate();
            boolean override = (Boolean) row[1];
            int overridden = override ? 1 : 0;
            long[] counts = perPeriod.computeIfAbsent(start(decidedOn, period), d -> new long[2]);
            counts[0]++;
            counts[1] += overridden;
            long[] advised = perAdvised.computeIfAbsent((String) row[3], c -> new long[2]);
            advised[0]++;
            advised[1] += overridden;
            PaidWorkLabel label = PaidWorkLabel.within(12, decidedOn, observations.getOrDefault((UUID) row[4], List.of()), today);
            afterwards[overridden][0]++;
            if (label.worked() != null) {
                afterwards[overridden][1]++;
                afterwards[overridden][2] += label.worked() ? 1 : 0;
            }
            if (override) {
                overrides++;
                if (row[2] != null) {
                    perReason.merge((ReasonCode) row[2], 1L, Long::sum);
                }
            }
        }

        List<OverrideRates.PeriodRate> periods = new ArrayList<>();
        if (!perPeriod.isEmpty()) {
            LocalDate last = perPeriod.lastKey();
            for (LocalDate day = perPeriod.firstKey(); !day.isAfter(last); day = next(day, period)) {
                long[] counts = perPeriod.getOrDefault(day, new long[2]);
                periods.add(new OverrideRates.PeriodRate(day, counts[0], counts[1], rate(counts[1], counts[0])));
            }
        }
        long totalOverrides = overrides;
        List<OverrideRates.ReasonCount> reasons = perReason.entrySet().stream()
                .map(e -> new OverrideRates.ReasonCount(e.getKey(), e.getValue(), rate(e.getValue(), totalOverrides)))
                .toList();
        List<OverrideRates.AdvisedRate> advised = perAdvised.entrySet().stream()
                .map(e -> new OverrideRates.AdvisedRate(e.getKey(), e.getValue()[0], e.getValue()[1], rate(e.getValue()[1], e.getValue()[0])))
                .sorted(Comparator.comparingLong(OverrideRates.AdvisedRate::decisions).reversed())
                .toList();
        List<OverrideRates.Afterwards> fared = List.of(afterwards(false, afterwards[0]), afterwards(true, afterwards[1]));
        Double overall = rate(overrides, rows.size());
        return new OverrideRates(municipalityCode, period, rows.size(), overrides, overall,
                OverrideRates.Signal.of(rows.size(), overall), periods, reasons, advised, fared);
    }

    private Map<UUID, List<PaidWorkLabel.Observation>> observations(String municipalityCode) {
        return em.createQuery("select o.clientId, o.observedOn, o.status from Outcome o where o.municipalityCode = ?1", Object[].class)
                .setParameter(1, municipalityCode)
                .getResultList().stream()
                .collect(Collectors.groupingBy(o -> (UUID) o[0], Collectors.mapping(
                        o -> new PaidWorkLabel.Observation((LocalDate) o[1], (OutcomeStatus) o[2]), Collectors.toList())));
    }

    private static OverrideRates.Afterwards afterwards(boolean overridden, long[] counts) {
        return new OverrideRates.Afterwards(overridden, counts[0], counts[1], counts[2], rate(counts[2], counts[1]));
    }

    private static LocalDate start(LocalDate day, Period period) {
        return period == Period.WEEK
                ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
    }

    private static LocalDate next(LocalDate start, Period period) {
        return period == Period.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
