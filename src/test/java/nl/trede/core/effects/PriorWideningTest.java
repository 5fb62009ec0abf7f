package nl.trede.core.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;
import nl.trede.core.synth.TestHistories;
import nl.trede.core.synth.TestHistory;
import org.junit.jupiter.api.Test;

/**
 * The literature prior is checked against the history before it is used: where a municipality's
 * programme works differently from what the literature says, the data decide; where they agree, the
 * prior keeps its weight. Judged on fresh clients of the same simulated municipality.
 */
class PriorWideningTest {

    private static final int CLIENTS = 6_000;
    private static final long SEED = 7;
    private static final Intervention WAGE_SUBSIDY = Catalogue.STARTING.find("WAGE_SUBSIDY").orElseThrow();

    @Test
    void whereTheHistoryContradictsTheLiteratureTheEstimateFollowsTheHistory() {
        // TestHistories.LOCAL: wage subsidies do nothing here; the literature says about +5 pp at 12 months
        LearnedEffectModel model = fit(TestHistories.LOCAL);
        assertTrue(widening(model, WAGE_SUBSIDY) > 0.02, "the prior is widened: " + widening(model, WAGE_SUBSIDY));
        Averages averages = averages(model, TestHistories.LOCAL.generate(5_000, SEED + 1));
        assertTrue(Math.abs(averages.estimate - averages.truth) < Math.abs(averages.literature - averages.truth) / 2,
                "the estimate is nearer the truth than half the literature's error: " + averages);
    }

    @Test
    void whereTheHistoryAgreesWithTheLiteratureThePriorKeepsItsWeight() {
        LearnedEffectModel model = fit(TestHistories.STANDARD); // the simulator whose effects are the literature's
        assertEquals(0, widening(model, WAGE_SUBSIDY));
        long widened = model.stored().models().stream().filter(a -> a.horizonMonths() == 12 && a.priorWidening() > 0).count();
        assertTrue(widened <= 3, widened + " of 10 priors widened at 12 months where the literature is right");
    }

    private static LearnedEffectModel fit(TestHistory history) {
        EffectModelTrainer.Settings standard = EffectModelTrainer.Settings.standard(SEED);
        EffectModelTrainer.Settings settings = new EffectModelTrainer.Settings(SEED, CLIENTS, 0, "effects-test", null,
                standard.finalLambda12(), standard.finalLambda24(), 2, true, standard.folds());
        return new EffectModelTrainer(settings).fit(history.generate(CLIENTS, SEED).trainingData()).model();
    }

    private static double widening(LearnedEffectModel model, Intervention intervention) {
        return model.stored().models().stream().filter(a -> a.horizonMonths() == 12 && a.intervention().equals(intervention.code()))
                .findFirst().orElseThrow().priorWidening();
    }

    private record Averages(double truth, double estimate, double literature) {
    }

    /** Mean true, estimated and literature effect of a wage subsidy at 12 months, in pp, over eligible clients with comparable history. */
    private static Averages averages(LearnedEffectModel model, SyntheticPopulation fresh) {
        PriorEffectModel literature = new PriorEffectModel();
        double truth = 0;
        double estimate = 0;
        double prior = 0;
        int n = 0;
        for (SimulatedClient c : fresh.clients()) {
            EffectEstimate e = model.estimate(c.profile(), model.baselineChance(c.profile()), WAGE_SUBSIDY, 12);
            if (WAGE_SUBSIDY.eligibility().admits(c.profile()) && e.comparableHistory()) {
                truth += 100 * c.trueEffect(WAGE_SUBSIDY.code(), 12);
                estimate += e.pointEstimate();
                prior += literature.estimate(c.profile(), WAGE_SUBSIDY, 12).pointEstimate();
                n++;
            }
        }
        return new Averages(truth / n, estimate / n, prior / n);
    }
}
