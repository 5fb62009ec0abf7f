package nl.trede.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

/** The generator against BRIEF.md: CBS base rates, determinism, cream-skimming, gaps. */
class PopulationGeneratorTest {

    private static final SyntheticPopulation POPULATION = new PopulationGenerator().generate(60_000, 20261125L);

    /** Base rates are checked on the true probabilities without intervention (the NONE arm), not on draws. */
    @Test
    void baseRatesWithoutInterventionMatchCbs() {
        assertBetween(meanBaseline(c -> true), 0.07, 0.15, "share of the stock finding work within a year");
        assertBetween(meanBaseline(months(0, 12)), 0.20, 0.25, "first year on benefit");
        assertBetween(meanBaseline(months(12, 24)), 0.10, 0.14, "second year on benefit");
        assertBetween(meanBaseline(months(24, 60)), 0.05, 0.08, "two to five years on benefit");
        assertBetween(meanBaseline(months(60, Integer.MAX_VALUE)), 0.02, 0.04, "more than five years on benefit");
        double young = meanBaseline(c -> c.trueProfile().age() < 27);
        double old = meanBaseline(c -> c.trueProfile().age() >= 50);
        assertTrue(young > 1.5 * old, "younger clients exit more: " + young + " vs " + old);
    }

    @Test
    void stockLooksLikeTheBijstandStock() {
        assertBetween(share(c -> c.trueProfile().monthsOnBenefit() > 36), 0.45, 0.70, "long spells");
        assertBetween(share(c -> c.trueProfile().problematicDebts()), 0.20, 0.30, "problematic debts");
        assertBetween(share(c -> c.trueProfile().healthLimitation() != nl.trede.core.profile.HealthLimitation.NONE),
                0.35, 0.60, "health limitations");
        assertBetween(share(c -> !c.trueProfile().educationLevel().isStartingQualification()), 0.45, 0.65,
                "without a starting qualification");
        double belowB1Migrant = share(c -> c.migrationBackground() && c.trueProfile().dutchLanguageLevel().isBelowB1())
                / share(SimulatedClient::migrationBackground);
        double belowB1Native = share(c -> !c.migrationBackground() && c.trueProfile().dutchLanguageLevel().isBelowB1())
                / share(c -> !c.migrationBackground());
        assertTrue(belowB1Migrant > 0.3 && belowB1Native < 0.05, "language level is a proxy for migration background");
    }

    @Test
    void sameSeedGivesIdenticalPopulationAndOtherSeedDoesNot() throws IOException {
        PopulationGenerator generator = new PopulationGenerator();
        String first = csv(generator.generate(3_000, 42L), true);
        assertEquals(first, csv(generator.generate(3_000, 42L), true));
        assertNotEquals(first, csv(generator.generate(3_000, 43L), true));
    }

    @Test
    void klantmanagersCreamSkimButTheRandomisedShareDoesNot() {
        double programme = meanBaseline(c -> !c.randomised() && !isNone(c));
        double none = meanBaseline(c -> !c.randomised() && isNone(c));
        assertTrue(programme > 1.8 * none, "programmes go to likelier clients: " + programme + " vs " + none);
        double randomisedProgramme = meanBaseline(c -> c.randomised() && !isNone(c));
        double randomisedNone = meanBaseline(c -> c.randomised() && isNone(c));
        assertTrue(Math.abs(randomisedProgramme - randomisedNone) < 0.25 * randomisedNone,
                "no selection among randomised clients: " + randomisedProgramme + " vs " + randomisedNone);
        assertBetween(share(SimulatedClient::randomised), 0.09, 0.11, "randomised share");
    }

    @Test
    void assignmentsRespectEligibilityAndPropensitiesArePositive() {
        for (SimulatedClient client : POPULATION.clients()) {
            Intervention assigned = nl.trede.core.catalogue.Catalogue.STARTING.find(client.intervention()).orElseThrow();
            assertTrue(assigned.eligibility().admits(client.profile()), client.intervention() + " for an ineligible client");
            assertTrue(client.propensity() > 0 && client.propensity() < 1);
        }
    }

    @Test
    void configuredShareOfFieldsIsMissingAndNeverWorkedIsNotAGap() {
        for (ProfileField field : ProfileField.values()) {
            double missing = share(c -> field.valueOf(c.profile()) == null && field.valueOf(c.trueProfile()) != null);
            if (field.canBeMissing()) {
                assertBetween(missing, 0.04, 0.06, field.fieldName() + " missing");
            } else {
                assertEquals(0, missing, field.fieldName() + " is never blanked");
            }
        }
        PopulationGenerator complete = new PopulationGenerator(new PopulationGenerator.Settings(0, 0.1, 1, 0.35));
        assertTrue(complete.generate(500, 1L).clients().stream().allMatch(c -> c.profile().missingFields().isEmpty()));
    }

    @Test
    void observedOutcomesComeFromTheAssignedArm() {
        for (SimulatedClient client : POPULATION.clients().subList(0, 5_000)) {
            assertEquals(client.potentialOutcome(client.intervention(), 12), client.worked12());
            assertEquals(client.potentialOutcome(client.intervention(), 24), client.worked24());
            assertTrue(!client.worked12() || client.worked24(), "work within 12 months is work within 24");
        }
        double observedNone = share(c -> isNone(c) && c.worked12()) / share(PopulationGeneratorTest::isNone);
        assertEquals(meanBaseline(PopulationGeneratorTest::isNone), observedNone, 0.01);
    }

    @Test
    void csvHasOneRowPerClientWithApiFieldNames() throws IOException {
        String csv = csv(POPULATION.slice(0, 100), false);
        List<String> lines = csv.lines().toList();
        assertEquals(101, lines.size());
        String header = lines.get(0);
        assertTrue(header.startsWith("clientId,age,educationLevel,dutchLanguageLevel,monthsOnBenefit,monthsSinceLastJob"));
        assertTrue(header.endsWith("intervention,worked12,worked24,knownPropensity,gender,migrationBackground"));
        assertEquals(header.split(",").length, lines.get(1).split(",", -1).length);
        assertTrue(HistoryCsv.header(true).contains("p24_WAGE_SUBSIDY"));
    }

    static boolean isNone(SimulatedClient c) {
        return Intervention.NONE.equals(c.intervention());
    }

    private static Predicate<SimulatedClient> months(int from, int to) {
        return c -> c.trueProfile().monthsOnBenefit() >= from && c.trueProfile().monthsOnBenefit() < to;
    }

    private static double meanBaseline(Predicate<SimulatedClient> filter) {
        return average(filter, c -> c.baselineProbability(12));
    }

    private static double share(Predicate<SimulatedClient> filter) {
        return POPULATION.clients().stream().filter(filter).count() / (double) POPULATION.size();
    }

    private static double average(Predicate<SimulatedClient> filter, ToDoubleFunction<SimulatedClient> value) {
        return POPULATION.clients().stream().filter(filter).mapToDouble(value).average().orElseThrow();
    }

    private static String csv(SyntheticPopulation population, boolean withGroundTruth) throws IOException {
        StringWriter out = new StringWriter();
        HistoryCsv.write(population, out, withGroundTruth);
        return out.toString();
    }

    private static void assertBetween(double value, double low, double high, String what) {
        assertTrue(value >= low && value <= high, what + ": " + value + " not in [" + low + ", " + high + "]");
    }
}
