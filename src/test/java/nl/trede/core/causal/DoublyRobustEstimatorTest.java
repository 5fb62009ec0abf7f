package nl.trede.core.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DoublyRobustEstimatorTest {

    private static final DoublyRobustEstimator ESTIMATOR = new DoublyRobustEstimator(DoublyRobustEstimator.Settings.defaults());

    @Test
    void aipwIntervalCoversTheTrueAteWhileTheNaiveDifferenceIsBiased() {
        ConfoundedDgp.Sample sample = ConfoundedDgp.generate(6_000, 11, true);
        CausalFit fit = ESTIMATOR.fit(sample.data());
        for (int k = 1; k <= 2; k++) {
            ArmSummary arm = fit.arm(k);
            double truth = sample.trueAte(k);
            System.out.printf(Locale.ROOT, "binary %s: true ATE %.4f, AIPW %.4f [%.4f, %.4f], naive %.4f [%.4f, %.4f];"
                            + " true ATT %.4f, DR ATT %.4f [%.4f, %.4f]%n", arm.treatment(), truth, arm.ate(),
                    arm.ateLower(), arm.ateUpper(), arm.naiveDifference(), arm.naiveLower(), arm.naiveUpper(),
                    sample.trueAtt(k), arm.att(), arm.attLower(), arm.attUpper());
            assertTrue(arm.ateLower() <= truth && truth <= arm.ateUpper(), arm.treatment() + " ATE interval misses the truth");
            assertTrue(arm.attLower() <= sample.trueAtt(k) && sample.trueAtt(k) <= arm.attUpper(),
                    arm.treatment() + " ATT interval misses the truth");
            // the naive difference credits the programme with its clients' motivation
            assertTrue(arm.naiveDifference() - truth > 0.10, arm.treatment() + " naive bias unexpectedly small");
            assertTrue(arm.naiveLower() > truth, arm.treatment() + " naive interval should exclude the truth");
        }
    }

    @Test
    void theSameTestFailsWhenTheConfounderIsLeftOut() {
        ConfoundedDgp.Sample sample = ConfoundedDgp.generate(6_000, 11, true);
        CausalData full = sample.data();
        double[][] withoutMotivation = new double[full.size()][];
        for (int i = 0; i < full.size(); i++) {
            withoutMotivation[i] = java.util.Arrays.copyOfRange(full.features()[i], 1, 4);
        }
        CausalFit blind = ESTIMATOR.fit(new CausalData(withoutMotivation, ConfoundedDgp.FEATURES.subList(1, 4),
                full.treatment(), full.outcome(), full.armNames()));
        for (int k = 1; k <= 2; k++) {
            assertTrue(blind.arm(k).ateLower() > sample.trueAte(k), "without the confounder the interval must miss");
        }
    }

    /**
     * What the choice depended on, given to the propensity model only (as the advice shown is), is
     * enough: the outcome models miss the confounder, the propensity has it, and the doubly robust
     * estimate is right again where the blind fit above misses.
     */
    @Test
    void aConfounderSeenByThePropensityModelAloneIsAdjustedFor() {
        ConfoundedDgp.Sample sample = ConfoundedDgp.generate(6_000, 11, true);
        CausalData full = sample.data();
        double[][] withoutMotivation = new double[full.size()][];
        double[][] motivation = new double[full.size()][];
        double[] unknown = new double[full.size()];
        for (int i = 0; i < full.size(); i++) {
            withoutMotivation[i] = java.util.Arrays.copyOfRange(full.features()[i], 1, 4);
            motivation[i] = new double[] {full.features()[i][0]};
            unknown[i] = Double.NaN;
        }
        CausalFit fit = ESTIMATOR.fit(new CausalData(withoutMotivation, ConfoundedDgp.FEATURES.subList(1, 4),
                full.treatment(), full.outcome(), full.armNames(), motivation, unknown));
        for (int k = 1; k <= 2; k++) {
            assertTrue(fit.arm(k).ateLower() <= sample.trueAte(k) && sample.trueAte(k) <= fit.arm(k).ateUpper(),
                    "with the confounder in the propensity model the interval covers the truth");
            assertEquals(ConfoundedDgp.FEATURES.subList(1, 4), fit.model().state().featureNames(),
                    "the assignment feature is no feature of the effect model");
        }
    }

    /** Where the arm was drawn by design, the AIPW weights use the known chance, not an estimate of it. */
    @Test
    void aKnownPropensityReplacesTheEstimateOfTheArmReceived() {
        ConfoundedDgp.Sample sample = ConfoundedDgp.generate(2_000, 12, true);
        CausalData data = sample.data();
        double[] known = new double[data.size()];
        java.util.Arrays.fill(known, Double.NaN);
        for (int i = 0; i < known.length; i += 2) {
            known[i] = 0.25;
        }
        CausalFit fit = ESTIMATOR.fit(new CausalData(data.features(), data.featureNames(), data.treatment(), data.outcome(),
                data.armNames(), new double[data.size()][0], known));
        for (int i = 0; i < known.length; i++) {
            double used = fit.crossFittedPropensities()[i][data.treatment()[i]];
            if (i % 2 == 0) {
                assertEquals(0.25, used, 0.0);
            } else {
                assertTrue(used != 0.25);
            }
        }
        assertTrue(fit.arm(1).ate() != ESTIMATOR.fit(data).arm(1).ate(), "the known chances change the estimate");
    }

    @Test
    void intervalsCoverTheTrueAteInRepeatedSamples() {
        int replications = 40;
        int[] covered = new int[3];
        int[] naiveCovered = new int[3];
        double[] bias = new double[3];
        for (int r = 0; r < replications; r++) {
            ConfoundedDgp.Sample sample = ConfoundedDgp.generate(2_000, 1_000 + r, true);
            CausalFit fit = new DoublyRobustEstimator(DoublyRobustEstimator.Settings.defaults().withSeed(r)).fit(sample.data());
            for (int k = 1; k <= 2; k++) {
                ArmSummary arm = fit.arm(k);
                double truth = sample.trueAte(k);
                covered[k] += arm.ateLower() <= truth && truth <= arm.ateUpper() ? 1 : 0;
                naiveCovered[k] += arm.naiveLower() <= truth && truth <= arm.naiveUpper() ? 1 : 0;
                bias[k] += (arm.ate() - truth) / replications;
            }
        }
        for (int k = 1; k <= 2; k++) {
            System.out.printf(Locale.ROOT, "arm %d: AIPW 95%% coverage %d/%d (mean error %.4f), naive coverage %d/%d%n",
                    k, covered[k], replications, bias[k], naiveCovered[k], replications);
            assertTrue(covered[k] >= 0.85 * replications, "AIPW coverage too low for arm " + k);
            assertTrue(naiveCovered[k] <= 0.1 * replications, "naive coverage should collapse for arm " + k);
        }
    }

    @Test
    void drLearnerBeatsTheNaiveEffectPerClientAndIsReportedBesideTheTLearner() {
        for (boolean binary : new boolean[] {true, false}) {
            ConfoundedDgp.Sample sample = ConfoundedDgp.generate(6_000, 23, binary);
            CausalFit fit = ESTIMATOR.fit(sample.data());
            for (int k = 1; k <= 2; k++) {
                double dr = 0;
                double naive = 0;
                double tLearner = 0;
                int count = 0;
                for (int i = 0; i < sample.data().size(); i++) {
                    double[] x = sample.data().features()[i];
                    ArmEffect effect = fit.model().predict(x).effect(k);
                    if (!effect.onSupport()) {
                        continue;
                    }
                    double truth = sample.trueEffect()[i][k];
                    dr += square(effect.estimate() - truth);
                    naive += square(fit.arm(k).naiveDifference() - truth);
                    tLearner += square(fit.model().tLearnerEffect(x, k) - truth);
                    count++;
                }
                double pDr = Math.sqrt(dr / count);
                double pNaive = Math.sqrt(naive / count);
                double pT = Math.sqrt(tLearner / count);
                System.out.printf(Locale.ROOT, "%s arm %d PEHE: DR-learner %.4f, T-learner %.4f, naive %.4f%n",
                        binary ? "binary" : "continuous", k, pDr, pT, pNaive);
                assertTrue(pDr < 0.5 * pNaive, "DR-learner PEHE should be well below the naive one");
            }
        }
    }

    @Test
    void continuousOutcomeIsEstimatedInItsOwnUnits() {
        ConfoundedDgp.Sample sample = ConfoundedDgp.generate(6_000, 5, false);
        CausalFit fit = ESTIMATOR.fit(sample.data());
        assertEquals(OutcomeType.CONTINUOUS, fit.outcomeType());
        for (int k = 1; k <= 2; k++) {
            ArmSummary arm = fit.arm(k);
            double truth = sample.trueAte(k);
            System.out.printf(Locale.ROOT, "continuous arm %d: true ATE %.0f, AIPW %.0f [%.0f, %.0f], naive %.0f%n",
                    k, truth, arm.ate(), arm.ateLower(), arm.ateUpper(), arm.naiveDifference());
            assertTrue(arm.ateLower() <= truth && truth <= arm.ateUpper(), "continuous ATE interval misses for arm " + k);
            assertTrue(arm.naiveDifference() - truth > 1_000, "naive difference should be biased upward by motivation");
        }
    }

    @Test
    void clientIntervalsCoverTheTrueClientEffectInRepeatedSamples() {
        // motivation, age, health, noise of a few clients on support for both arms
        double[][] clients = {{0, 25, 0, 0}, {-1, 35, 1, 0.5}, {1, 45, 0, -1}, {0.5, 55, 1, 0}, {-0.5, 30, 0, 2}};
        int replications = 30;
        int[] covered = new int[3];
        int[] total = new int[3];
        for (int r = 0; r < replications; r++) {
            CausalFit fit = new DoublyRobustEstimator(DoublyRobustEstimator.Settings.defaults().withSeed(r))
                    .fit(ConfoundedDgp.generate(3_000, 500 + r, false).data());
            for (double[] x : clients) {
                double ageStd = (x[1] - 41.5) / 13.6;
                double[] truth = {0, 1_500 + 1_000 * ageStd, 800 + 2_000 * x[2]};
                ClientEffects effects = fit.model().predict(x);
                for (int k = 1; k <= 2; k++) {
                    ArmEffect e = effects.effect(k);
                    assertTrue(e.onSupport());
                    total[k]++;
                    covered[k] += e.lower() <= truth[k] && truth[k] <= e.upper() ? 1 : 0;
                }
            }
        }
        for (int k = 1; k <= 2; k++) {
            double coverage = covered[k] / (double) total[k];
            System.out.printf(Locale.ROOT, "continuous arm %d: client-level 95%% interval coverage %.3f over %d%n",
                    k, coverage, total[k]);
            assertTrue(coverage >= 0.85, "client-level intervals cover too rarely: " + coverage);
        }
    }

    @Test
    void clientsOutsideTheHistoryAreFlaggedNotGivenANumber() {
        ConfoundedDgp.Sample sample = ConfoundedDgp.generate(4_000, 7, true);
        CausalFit fit = ESTIMATOR.fit(sample.data());
        int old = 0;
        int youngOnSupport = 0;
        int young = 0;
        for (double[] x : sample.data().features()) {
            ArmEffect coaching = fit.model().predict(x).effect(2);
            if (x[1] > ConfoundedDgp.COACHING_MAX_AGE + 0.5) {
                old++;
                assertFalse(coaching.onSupport(), "a client of " + x[1] + " cannot have comparable coaching history");
                assertFalse(coaching.hasEstimate());
                assertFalse(coaching.supportNote().isEmpty());
            } else if (x[1] < 55) {
                young++;
                youngOnSupport += coaching.onSupport() ? 1 : 0;
            }
        }
        assertTrue(old > 100);
        // training goes to the motivated: for a very unmotivated client it is too rare to compare
        DrLearnerModel.Support unmotivated = fit.model().support(new double[] {-3, 35, 0, 0}, 1);
        assertFalse(unmotivated.onSupport());
        assertTrue(unmotivated.note().contains("propensity for TRAINING"), unmotivated.note());
        assertTrue(fit.model().support(new double[] {0.5, 35, 0, 0}, 1).onSupport());
        assertTrue(youngOnSupport > 0.9 * young, "most younger clients are comparable: " + youngOnSupport + "/" + young);
        OverlapSummary.ArmOverlap overlap = fit.overlap().arms().get(2);
        assertTrue(overlap.offSupportShare() >= old / 4_000.0);
        assertTrue(fit.arm(2).offSupportShare() == overlap.offSupportShare());
        System.out.printf(Locale.ROOT, "COACHING off support: %.3f of clients (threshold %.4f)%n",
                overlap.offSupportShare(), overlap.threshold());
    }

    @Test
    void priorsShrinkByPrecisionAndSayHowMuch() {
        ConfoundedDgp.Sample sample = ConfoundedDgp.generate(3_000, 3, true);
        DrLearnerModel model = ESTIMATOR.fit(sample.data()).model();
        double[] x = {0.2, 35, 0, 0};
        ArmEffect data = model.predict(x).effect(1);
        ArmEffect tight = model.predict(x, new Prior[] {null, new Prior(-0.2, 1e-6), null}).effect(1);
        ArmEffect loose = model.predict(x, new Prior[] {null, new Prior(-0.2, 100), null}).effect(1);
        ArmEffect equal = model.predict(x, new Prior[] {null, new Prior(-0.2, data.dataSd()), null}).effect(1);
        assertEquals(0, data.priorShare());
        assertEquals(1, tight.priorShare(), 1e-6);
        assertEquals(-0.2, tight.estimate(), 1e-4);
        assertEquals(0, loose.priorShare(), 1e-4);
        assertEquals(data.estimate(), loose.estimate(), 1e-4);
        assertEquals(0.5, equal.priorShare(), 1e-9);
        assertEquals((data.estimate() - 0.2) / 2, equal.estimate(), 1e-9);
        assertEquals(data.dataSd() / Math.sqrt(2), equal.sd(), 1e-9);
        assertEquals(EffectSource.BLEND, equal.source());
    }

    @Test
    void tiesFollowTheIntervalOfTheDifference() {
        ConfoundedDgp.Sample sample = ConfoundedDgp.generate(6_000, 9, false);
        DrLearnerModel model = ESTIMATOR.fit(sample.data()).model();
        // a healthy 25-year-old: TRAINING about 370, COACHING about 800 euros; a limited 50-year-old: 2100 and 2800
        ClientEffects client = model.predict(new double[] {0, 25, 0, 0});
        for (int k = 1; k <= 2; k++) {
            ArmEffect e = client.effect(k);
            assertEquals(e.lower() <= 0 && 0 <= e.upper(), client.tied(k, 0), "tie with control = interval contains 0");
        }
        double difference = client.effect(2).estimate() - client.effect(1).estimate();
        assertEquals(Math.abs(difference) <= 1.959963984540054 * client.differenceSd(1, 2), client.tied(1, 2));
        assertTrue(client.differenceSd(1, 2) > 0);
        assertTrue(client.tied(1, 1));
        assertEquals(client.bestAndTied().get(0), difference > 0 ? 2 : 1);

        ClientEffects small = new DoublyRobustEstimator(DoublyRobustEstimator.Settings.defaults())
                .fit(ConfoundedDgp.generate(300, 9, false).data()).model().predict(new double[] {0, 40, 1, 0});
        assertTrue(small.tied(1, 2), "with 300 clients TRAINING and COACHING cannot be told apart");
        ClientEffects old = model.predict(new double[] {0, 70, 0, 0});
        assertFalse(old.tied(2, 0), "an off-support option takes no part in ties");
        assertFalse(old.bestAndTied().contains(2));
    }

    @Test
    void deterministicForAFixedSeedAndRoundTripsThroughJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ConfoundedDgp.Sample sample = ConfoundedDgp.generate(2_000, 13, true);
        CausalFit first = ESTIMATOR.fit(sample.data());
        CausalFit second = ESTIMATOR.fit(sample.data());
        assertEquals(first.model().toJson(), second.model().toJson());
        assertEquals(first.arms(), second.arms());

        java.nio.file.Path file = dir.resolve("effects.json");
        String sha = first.model().save(file);
        DrLearnerModel loaded = DrLearnerModel.load(file, sha);
        double[] x = sample.data().features()[17];
        ArmEffect before = first.model().predict(x).effect(1);
        ArmEffect after = loaded.predict(x).effect(1);
        assertEquals(before, after);
        assertEquals(first.model().tLearnerEffect(x, 2), loaded.tLearnerEffect(x, 2));
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> DrLearnerModel.load(file, "0".repeat(64)));
        System.out.printf("model file %d bytes%n", java.nio.file.Files.size(file));
    }

    private static double square(double v) {
        return v * v;
    }
}
