package nl.trede.core.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The learner on histories whose shape the linear DR-learner cannot follow, and the double
 * robustness of its average effects when one nuisance model is wrong.
 */
class FlexibleLearnerTest {

    private static final List<String> FEATURES = List.of("motivation", "age", "health_limitation", "noise_a", "noise_b");
    private static final List<String> ARMS = List.of("NONE", "TRAINING", "COACHING");

    /** A confounded history and each client's true effect of each arm. */
    private record History(CausalData data, double[][] trueEffect) {

        /** The true average effect of an arm over the clients the estimator put on support for it. */
        double trueAteOnSupport(DrLearnerModel model, int arm) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < data.size(); i++) {
                if (model.support(data.features()[i], arm).onSupport()) {
                    sum += trueEffect[i][arm];
                    count++;
                }
            }
            return sum / count;
        }
    }

    /** How the history is drawn: the effect's shape, and which nuisance model a linear logit gets wrong. */
    private enum Shape { THRESHOLD, NONLINEAR_OUTCOME, NONLINEAR_ASSIGNMENT }

    private static History history(Shape shape, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][];
        int[] arm = new int[n];
        double[] y = new double[n];
        double[][] effect = new double[n][3];
        for (int i = 0; i < n; i++) {
            double motivation = ConfoundedDgp.gaussian(random);
            double age = 18 + 47 * random.nextDouble();
            double health = random.nextDouble() < 0.3 ? 1 : 0;
            x[i] = new double[] {motivation, age, health, ConfoundedDgp.gaussian(random), random.nextDouble()};
            double[] logit = shape == Shape.NONLINEAR_ASSIGNMENT
                    ? new double[] {0, -2.0 + 1.6 * motivation * motivation, -1.5 + 1.2 * Math.abs(motivation) + 0.6 * health}
                    : new double[] {0, -1.0 + 1.2 * motivation, -1.2 + 0.8 * motivation + 0.6 * health};
            arm[i] = ConfoundedDgp.draw(random, logit);
            double base = shape == Shape.NONLINEAR_OUTCOME
                    ? -0.8 + 1.5 * Math.sin(2 * motivation) + 0.6 * motivation * motivation - 0.5 * health
                    : -0.6 + 1.0 * motivation - 0.5 * health;
            double[] shift = shape == Shape.THRESHOLD
                    // training helps only the under-30s and costs the others; coaching only with a health limitation
                    ? new double[] {0, age < 30 ? 1.0 : -0.4, health > 0 ? 0.8 : 0}
                    : new double[] {0, 0.4 + 0.3 * (age - 41.5) / 13.6, 0.2 + 0.5 * health};
            for (int k = 1; k < 3; k++) {
                effect[i][k] = ConfoundedDgp.sigmoid(base + shift[k]) - ConfoundedDgp.sigmoid(base);
            }
            y[i] = random.nextDouble() < ConfoundedDgp.sigmoid(base + shift[arm[i]]) ? 1 : 0;
        }
        return new History(new CausalData(x, FEATURES, arm, y, ARMS), effect);
    }

    /** Root mean squared error of the client-level effects of an arm, on support, and the share its intervals cover. */
    private static double[] errorAndCoverage(CausalFit fit, History h, int arm) {
        double squares = 0;
        int count = 0;
        int covered = 0;
        for (int i = 0; i < h.data().size(); i++) {
            ArmEffect e = fit.model().predict(h.data().features()[i]).effect(arm);
            if (e.onSupport()) {
                double truth = h.trueEffect()[i][arm];
                squares += (e.estimate() - truth) * (e.estimate() - truth);
                covered += e.lower() <= truth && truth <= e.upper() ? 1 : 0;
                count++;
            }
        }
        return new double[] {Math.sqrt(squares / count), covered / (double) count};
    }

    @Test
    void aThresholdEffectIsFoundByTheSelectedLearnerAndMissedByTheLinearFinalStage() {
        History h = history(Shape.THRESHOLD, 20_000, 11);
        DoublyRobustEstimator.Settings settings = DoublyRobustEstimator.Settings.defaults();
        CausalFit linear = new DoublyRobustEstimator(settings.withFinalStage(DoublyRobustEstimator.Choice.LINEAR)).fit(h.data());
        CausalFit selected = new DoublyRobustEstimator(settings).fit(h.data());
        assertEquals(FinalStage.FLEXIBLE, selected.model().state().finalStage().kind(),
                selected.model().state().provenance().get("finalStage"));
        double[] linearTraining = errorAndCoverage(linear, h, 1);
        double[] selectedTraining = errorAndCoverage(selected, h, 1);
        assertTrue(linearTraining[0] > 0.07, "the linear stage cannot bend at age 30: PEHE " + linearTraining[0]);
        assertTrue(selectedTraining[0] < 0.055, "the trees find the threshold: PEHE " + selectedTraining[0]
                + " (linear " + linearTraining[0] + ")");
        assertTrue(selectedTraining[1] > linearTraining[1] + 0.2, "client intervals cover the truth for "
                + selectedTraining[1] + " (linear " + linearTraining[1] + ")");
        // the sign: training helps the under-30s and hurts the others
        int right = 0;
        int count = 0;
        for (int i = 0; i < h.data().size(); i++) {
            ArmEffect e = selected.model().predict(h.data().features()[i]).effect(1);
            if (e.onSupport()) {
                right += Math.signum(e.estimate()) == Math.signum(h.trueEffect()[i][1]) ? 1 : 0;
                count++;
            }
        }
        assertTrue(right > 0.85 * count, "sign right for " + right + " of " + count);
    }

    @Test
    void theAverageEffectStaysRightWhenOnlyThePropensityModelIsRight() {
        History h = history(Shape.NONLINEAR_OUTCOME, 20_000, 12);
        assertDoublyRobust(h);
    }

    @Test
    void theAverageEffectStaysRightWhenOnlyTheOutcomeModelIsRight() {
        History h = history(Shape.NONLINEAR_ASSIGNMENT, 20_000, 13);
        assertDoublyRobust(h);
    }

    /** With linear nuisance models forced (one of them wrong), the AIPW interval still covers and the naive one does not. */
    private static void assertDoublyRobust(History h) {
        DoublyRobustEstimator.Settings linear = DoublyRobustEstimator.Settings.defaults()
                .withNuisance(DoublyRobustEstimator.Choice.LINEAR).withFinalStage(DoublyRobustEstimator.Choice.LINEAR);
        CausalFit fit = new DoublyRobustEstimator(linear).fit(h.data());
        int naiveMisses = 0;
        for (int k = 1; k < 3; k++) {
            ArmSummary arm = fit.arm(k);
            double truth = h.trueAteOnSupport(fit.model(), k);
            assertTrue(arm.ateLower() <= truth && truth <= arm.ateUpper(),
                    ARMS.get(k) + ": true " + truth + " outside [" + arm.ateLower() + ", " + arm.ateUpper() + "]");
            naiveMisses += truth < arm.naiveLower() || truth > arm.naiveUpper() ? 1 : 0;
        }
        assertTrue(naiveMisses > 0, "the history is confounded: the naive difference misses the truth");
    }
}
