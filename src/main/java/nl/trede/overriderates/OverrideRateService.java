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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.trede.decision.ReasonCode;
import nl.trede.overriderates.OverrideRates.Period;

/** Computes override rates from the decision table, per period and per reason. */
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
        // Only the three columns needed: this runs over every decision of the municipality.
        List<Object[]> rows = em.createQuery("select d.createdAt, d.override, d.reasonCode from Decision d "
                        + "where d.municipalityCode = ?1 order by d.createdAt", Object[].class)
                .setParameter(1, municipalityCode)
                .getResultList();

        TreeMap<LocalDate, long[]> perPeriod = new TreeMap<>();
        Map<ReasonCode, Long> perReason = new EnumMap<>(ReasonCode.class);
        for (ReasonCode code : ReasonCode.values()) {
            perReason.put(code, 0L);
        }
        long overrides = 0;
        for (Object[] row : rows) {
            boolean override = (Boolean) row[1];
            long[] counts = perPeriod.computeIfAbsent(start(((Instant) row[0]).atZone(ZONE).toLocalDate(), period), d -> new long[2]);
            counts[0]++;
            if (override) {
                counts[1]++;
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
        return new OverrideRates(municipalityCode, period, rows.size(), overrides, rate(overrides, rows.size()), periods, reasons);
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
