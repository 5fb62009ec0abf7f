package nl.trede.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.training.TrainingRecord;
import org.junit.jupiter.api.Test;

/** The family of test histories: each has the shape it claims, on the catalogue's options, with today's simulator unchanged. */
class TestHistoriesTest {

    private static final Intervention WAGE_SUBSIDY = Catalogue.STARTING.find("WAGE_SUBSIDY").orElseThrow();
    private static final Intervention WORK_FIRST = Catalogue.STARTING.find("WORK_FIRST").orElseThrow();

    @Test
    void theStandardHistoryIsTodaysSimulatorExactly() throws IOException {
        assertEquals(csv(new PopulationGenerator().generate(2_000, 11L)), csv(TestHistories.STANDARD.generate(2_000, 11L)));
        assertEquals(new PopulationGenerator().generate(10, 11L).trainingData().description(),
                TestHistories.STANDARD.generate(10, 11L).trainingData().description());
    }

    @Test
    void theThresholdHistorysWageSubsidyHelpsOnlyFrom36MonthsOnBenefit() {
        OutcomeTruth truth = TestHistories.THRESHOLD.truth();
        IntakeProfile typical = PopulationGenerator.TYPICAL;
        for (int h : new int[] {12, 24}) {
            double below = effect(truth, typical.with(ProfileField.MONTHS_ON_BENEFIT, 35), WAGE_SUBSIDY, h);
            double at = effect(truth, typical.with(ProfileField.MONTHS_ON_BENEFIT, 36), WAGE_SUBSIDY, h);
            double far = effect(truth, typical.with(ProfileField.MONTHS_ON_BENEFIT, 120), WAGE_SUBSIDY, h);
            assertTrue(below < 0, "no help below the cut-off at " + h + " months: " + below);
            assertTrue(at > 0.10, "a jump at the cut-off at " + h + " months: " + at);
            assertEquals(at, far, 1e-9, "flat above the cut-off");
        }
    }

    @Test
    void theInteractionHistorysWorkFirstNeedsBothCharacteristicsWhichBarelyMoveTheBaseline() {
        OutcomeTruth truth = TestHistories.INTERACTION.truth();
        IntakeProfile base = PopulationGenerator.TYPICAL;
        double[][] effects = new double[2][2];
        double[][] baselines = new double[2][2];
        for (int licence = 0; licence < 2; licence++) {
            for (int care = 0; care < 2; care++) {
                IntakeProfile p = base.with(ProfileField.DRIVING_LICENCE, licence == 1)
                        .with(ProfileField.CARE_DUTIES, care == 1);
                effects[licence][care] = effect(truth, p, WORK_FIRST, 12);
                baselines[licence][care] = truth.probabilities(p)[0][0];
            }
        }
        assertTrue(effects[1][0] > 0.08, "licence and no care duties: " + effects[1][0]);
        assertEquals(0, effects[0][0], 1e-9);
        assertEquals(0, effects[1][1], 1e-9);
        assertEquals(0, effects[0][1], 1e-9);
        assertEquals(baselines[0][0], baselines[1][1], 1e-12, "the two characteristics do not move the baseline chance");
    }

    @Test
    void everyHistoryUsesSixOptionsOrMoreWithinEligibilityAndKeepsItsTruthOutOfTheTrainingData() {
        for (TestHistory history : TestHistories.ALL) {
            SyntheticPopulation population = history.generate(3_000, 5L);
            Set<String> given = new HashSet<>();
            for (SimulatedClient c : population.clients()) {
                given.add(c.intervention());
                assertTrue(Catalogue.STARTING.find(c.intervention()).orElseThrow().eligibility().admits(c.profile()),
                        history.name() + ": " + c.intervention() + " for an ineligible client");
                for (Intervention option : Catalogue.STARTING.interventions()) {
                    assertTrue(c.trueProbability(option.code(), 24) >= c.trueProbability(option.code(), 12), history.name());
                }
            }
            assertTrue(given.size() >= 6, history.name() + " gives " + given);
            TrainingRecord first = population.trainingData().records().get(0);
            assertEquals(population.clients().get(0).profile(), first.profile(), "the recorded intake, gaps included");
            assertTrue(population.trainingData().description().startsWith(
                    history == TestHistories.STANDARD ? "PopulationGenerator" : "TestHistories." + history.name()));
        }
        assertEquals(3_000, TestHistories.SMALL.defaultSize());
    }

    @Test
    void theRandomisedHistoryRecordsItsKnownPropensities() {
        SyntheticPopulation population = TestHistories.RANDOMISED.generate(3_000, 6L);
        long known = population.trainingData().records().stream().filter(r -> r.knownPropensity().isPresent()).count();
        assertTrue(known > 0.77 * population.size() && known < 0.83 * population.size(), "randomised share " + known);
        for (int i = 0; i < population.size(); i++) {
            SimulatedClient c = population.clients().get(i);
            TrainingRecord r = population.trainingData().records().get(i);
            long eligible = Catalogue.STARTING.interventions().stream().filter(o -> o.eligibility().admits(c.profile())).count();
            assertEquals(c.randomised(), r.knownPropensity().isPresent());
            r.knownPropensity().ifPresent(p -> assertEquals(1.0 / eligible, p, 1e-12));
        }
    }

    @Test
    void theCreamSkimmingHistoryRarelyGivesTheLongTermUnemployedWhatHelpsThemMost() {
        SyntheticPopulation population = TestHistories.CREAM_SKIMMING.generate(20_000, 7L);
        double longTerm = share(population, c -> c.trueProfile().monthsOnBenefit() >= 48);
        double recent = share(population, c -> c.trueProfile().monthsOnBenefit() < 24);
        assertTrue(longTerm < 0.005, "wage subsidy for 48+ months on benefit: " + longTerm);
        assertTrue(recent > 0.05, "wage subsidy for recent inflow: " + recent);
        double gainLongTerm = population.clients().stream().filter(c -> c.trueProfile().monthsOnBenefit() >= 48)
                .mapToDouble(c -> c.trueEffect("WAGE_SUBSIDY", 24)).average().orElseThrow();
        assertTrue(gainLongTerm > 0.10, "where it helps most: " + gainLongTerm);
    }

    private static double share(SyntheticPopulation population, Predicate<SimulatedClient> group) {
        return population.clients().stream().filter(group).filter(c -> c.intervention().equals("WAGE_SUBSIDY")).count()
                / (double) population.clients().stream().filter(group).count();
    }

    private static double effect(OutcomeTruth truth, IntakeProfile p, Intervention intervention, int h) {
        double[][] probabilities = truth.probabilities(p);
        int column = h >= 24 ? 1 : 0;
        return probabilities[Catalogue.STARTING.interventions().indexOf(intervention)][column] - probabilities[0][column];
    }

    private static String csv(SyntheticPopulation population) throws IOException {
        StringWriter out = new StringWriter();
        HistoryCsv.write(population, out, true);
        return out.toString();
    }
}
