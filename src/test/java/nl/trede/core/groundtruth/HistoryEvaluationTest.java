package nl.trede.core.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.TestHistories;
import org.junit.jupiter.api.Test;

/** The effect evaluation's yardsticks behave as yardsticks, on a few thousand clients. */
class HistoryEvaluationTest {

    private static final HistoryEvaluation.Settings SMALL = new HistoryEvaluation.Settings(8_000, 2_000, 3L, false);
    private static final HistoryEvaluation.Populations THRESHOLD = HistoryEvaluation.draw(TestHistories.THRESHOLD, SMALL);
    private static final double[] NO_BASELINE = new double[SMALL.heldOutClients()];

    @Test
    void learnersAreJudgedOnFreshClientsNeverOnTheRecordsTheyLearnedFrom() {
        assertEquals(8_000, THRESHOLD.history().size());
        assertEquals(2_000, THRESHOLD.heldOut().size());
        Set<IntakeProfile> learned = THRESHOLD.history().clients().stream().map(SimulatedClient::trueProfile)
                .collect(Collectors.toSet());
        assertTrue(THRESHOLD.heldOut().clients().stream().noneMatch(c -> learned.contains(c.trueProfile())),
                "a held-out client is also in the history");
    }

    @Test
    void theOracleReachesAllOfTheOraclesGainAndFollowingNothingReachesNone() {
        HistoryEvaluation.Fitted truth = new HistoryEvaluation.Fitted() {
            @Override
            public HistoryEvaluation.Estimate estimate(SimulatedClient client, double baselineChance, Intervention intervention, int h) {
                double effect = 100 * client.trueEffect(intervention.code(), h);
                return new HistoryEvaluation.Estimate(effect, effect, effect);
            }

            @Override
            public HistoryEvaluation.Estimate average(Intervention intervention, int h) {
                double average = HistoryEvaluation.trueAverageEffect(THRESHOLD.history(), intervention, h);
                return new HistoryEvaluation.Estimate(average, average, average);
            }
        };
        HistoryEvaluation.LearnerResult oracle = HistoryEvaluation.judge("oracle", 0, truth, THRESHOLD, NO_BASELINE);
        for (HistoryEvaluation.HorizonResult h : oracle.horizons()) {
            assertEquals(1.0, h.shareOfOracle(), 1e-9);
            assertTrue(h.oracleGain() > 1, "the threshold history has something to gain: " + h.oracleGain());
            assertEquals(0, h.pehe(), 1e-9);
            assertEquals(1.0, h.clientCoverage(), 1e-9);
            assertEquals(h.options(), h.averagesCovered());
            assertEquals(10, h.options());
        }

        HistoryEvaluation.Fitted silent = new HistoryEvaluation.Fitted() {
            @Override
            public HistoryEvaluation.Estimate estimate(SimulatedClient client, double baselineChance, Intervention intervention, int h) {
                return null;
            }

            @Override
            public HistoryEvaluation.Estimate average(Intervention intervention, int h) {
                return null;
            }
        };
        HistoryEvaluation.HorizonResult none = HistoryEvaluation.judge("silent", 0, silent, THRESHOLD, NO_BASELINE).at(24);
        assertEquals(0, none.shareOfOracle(), 1e-9, "without numbers every client keeps NONE");
        assertEquals(1.0, none.offSupportShare(), 1e-9);
        assertEquals(0, none.averagesStated());
        assertNull(none.perOption().get(0).averageCovered());
    }

    /**
     * Where the history is informative (mostly randomised, 20,000 clients), knowing the shape of the
     * effect beats knowing the literature. (On 8,000 clients it does not yet: the doubly robust
     * pseudo-outcomes of one option among ten are too noisy.)
     */
    @Test
    void theCeilingHandedTheTrueModifiersBeatsThePriorOnTheWageSubsidy() {
        HistoryEvaluation.Populations randomised = HistoryEvaluation.draw(TestHistories.RANDOMISED,
                new HistoryEvaluation.Settings(20_000, SMALL.heldOutClients(), 3L, false));
        Intervention wageSubsidy = Catalogue.STARTING.find("WAGE_SUBSIDY").orElseThrow();
        CeilingLearner ceiling = CeilingLearner.fit(randomised.history(), TestHistories.RANDOMISED.truth(), new int[] {24}, 3L,
                List.of(wageSubsidy));
        HistoryEvaluation.OptionResult ceilingResult = wageSubsidy(HistoryEvaluation.judge("ceiling", 0,
                HistoryEvaluation.ceiling(ceiling), randomised, NO_BASELINE).at(24));
        HistoryEvaluation.OptionResult priorResult = wageSubsidy(HistoryEvaluation.judge("prior", 0,
                HistoryEvaluation.prior(randomised.history()), randomised, NO_BASELINE).at(24));
        assertTrue(ceilingResult.pehe() < 0.8 * priorResult.pehe(),
                "ceiling PEHE " + ceilingResult.pehe() + " vs prior " + priorResult.pehe());
        assertTrue(ceilingResult.clients() > 0.8 * SMALL.heldOutClients(), "most clients on support: " + ceilingResult.clients());
    }

    private static HistoryEvaluation.OptionResult wageSubsidy(HistoryEvaluation.HorizonResult h) {
        return h.perOption().stream().filter(o -> o.intervention().equals("WAGE_SUBSIDY")).findFirst().orElseThrow();
    }
}
