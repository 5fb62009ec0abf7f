package nl.trede.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import org.junit.jupiter.api.Test;

/** The ground-truth effects against the directions and averages of BRIEF.md. */
class TrueOutcomeModelTest {

    private static final List<SimulatedClient> CLIENTS = new PopulationGenerator().generate(40_000, 7L).clients();
    private static final TrueOutcomeModel TRUTH = TrueOutcomeModel.STANDARD;

    @Test
    void averageEffectsOverEligibleClientsAreTheCataloguePriors() {
        for (Intervention intervention : TRUTH.interventions()) {
            Predicate<SimulatedClient> eligible = c -> intervention.eligibility().admits(c.trueProfile());
            for (int horizon : new int[] {12, 24}) {
                double effect = 100 * mean(eligible, c -> c.trueEffect(intervention.code(), horizon));
                assertEquals(intervention.priorEffect(horizon), effect, 0.35, intervention.code() + " at " + horizon);
            }
        }
    }

    @Test
    void longProgrammesDipAt12MonthsAndRecoverBy24() {
        for (Intervention intervention : TRUTH.interventions()) {
            String code = intervention.code();
            if (intervention.isNone()) {
                continue;
            }
            boolean long_ = intervention.durationMonths() >= TrueOutcomeModel.LOCK_IN_MIN_MONTHS;
            assertEquals(long_, TRUTH.lockIn(code) > 0, code + " lock-in only for programmes of 6 months or more");
            if (!long_) {
                continue;
            }
            Predicate<SimulatedClient> eligible = c -> intervention.eligibility().admits(c.trueProfile());
            // Every client loses part of their own 12-month chance, and has it back by 24 months.
            for (SimulatedClient c : CLIENTS.subList(0, 2_000)) {
                assertTrue(c.trueEffect(code, 12) < c.trueEffect(code, 24) + 1e-9, code + " client " + c.id());
            }
            assertTrue(mean(eligible, c -> c.trueEffect(code, 24)) > 0, code + " pays off by 24 months");
            // Clients who would have found work anyway lose most: for the likeliest tenth the 12-month effect is negative.
            double cutoff = quantile(0.9);
            assertTrue(mean(eligible.and(c -> c.baselineProbability(12) >= cutoff), c -> c.trueEffect(code, 12)) < 0,
                    code + " dips below no intervention at 12 months for clients likely to work anyway");
        }
        for (String code : List.of("VOCATIONAL_TRAINING", "LANGUAGE_TRAINING")) {
            Intervention intervention = nl.trede.core.catalogue.Catalogue.STARTING.find(code).orElseThrow();
            Predicate<SimulatedClient> eligible = c -> intervention.eligibility().admits(c.trueProfile());
            assertTrue(mean(eligible, c -> c.trueEffect(code, 12)) < 0, code + " lowers the 12-month chance on average");
        }
    }

    @Test
    void effectsDifferByClientInTheReportedDirections() {
        assertLarger("JOB_SEARCH_ASSISTANCE", 12, c -> c.trueProfile().monthsOnBenefit() < 12,
                c -> c.trueProfile().monthsOnBenefit() >= 36, "recent inflow");
        assertLarger("JOB_SEARCH_ASSISTANCE", 12, c -> c.trueProfile().motivation() >= 4,
                c -> c.trueProfile().motivation() <= 2, "motivated clients");
        Predicate<SimulatedClient> noHealthLimit = c -> c.trueProfile().healthLimitation() == HealthLimitation.NONE;
        assertLarger("WAGE_SUBSIDY", 24, noHealthLimit.and(c -> c.trueProfile().monthsOnBenefit() >= 24),
                noHealthLimit.and(c -> c.trueProfile().monthsOnBenefit() < 12), "long-term unemployed");
        assertLarger("WAGE_SUBSIDY", 24, c -> c.trueProfile().healthLimitation() != HealthLimitation.NONE,
                noHealthLimit.and(c -> c.trueProfile().monthsOnBenefit() < 24), "reduced productivity");
        assertLarger("VOCATIONAL_TRAINING", 24, c -> !c.trueProfile().educationLevel().isStartingQualification(),
                c -> c.trueProfile().educationLevel().ordinal() >= EducationLevel.HBO.ordinal(), "low-educated");
        assertLarger("JOB_COACHING", 24, c -> c.trueProfile().healthLimitation() == HealthLimitation.SEVERE,
                noHealthLimit, "health limitations");
        assertLarger("JOB_SEARCH_ASSISTANCE", 12, c -> c.trueProfile().age() >= 25 && c.trueProfile().age() < 50,
                c -> c.trueProfile().age() < 25 || c.trueProfile().age() >= 50, "prime-age clients");
        assertEquals(0, mean(c -> !c.trueProfile().problematicDebts(), c -> c.trueEffect("DEBT_COUNSELLING", 24)), 1e-12,
                "debt counselling helps only with debts");
        assertEquals(0, mean(c -> !c.trueProfile().dutchLanguageLevel().isBelowB1(),
                c -> c.trueEffect("LANGUAGE_TRAINING", 24)), 1e-12, "language training helps only below B1");
    }

    private static void assertLarger(String code, int horizon, Predicate<SimulatedClient> larger,
            Predicate<SimulatedClient> smaller, String who) {
        double a = mean(larger, c -> c.trueEffect(code, horizon));
        double b = mean(smaller, c -> c.trueEffect(code, horizon));
        assertTrue(a > 1.5 * b && a > 0, code + " should work better for " + who + ": " + a + " vs " + b);
    }

    private static double quantile(double q) {
        double[] sorted = CLIENTS.stream().mapToDouble(c -> c.baselineProbability(12)).sorted().toArray();
        return sorted[(int) (q * (sorted.length - 1))];
    }

    private static double mean(Predicate<SimulatedClient> filter, java.util.function.ToDoubleFunction<SimulatedClient> value) {
        return CLIENTS.stream().filter(filter).mapToDouble(value).average().orElseThrow();
    }
}
