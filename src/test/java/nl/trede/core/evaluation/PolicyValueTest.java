package nl.trede.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PolicyValueTest {

    private static final int ARMS = 3;

    /** A toy design with known potential-outcome probabilities; assignment randomised or confounded by x1. */
    private record Toy(double[][] x, int[] arm, boolean[] worked, double[] knownPropensity, double[][] truth) {

        static Toy draw(int n, long seed, boolean randomised) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] x = new double[n][2];
            int[] arm = new int[n];
            boolean[] worked = new boolean[n];
            double[] known = new double[n];
            double[][] truth = new double[n][ARMS];
            for (int i = 0; i < n; i++) {
                x[i][0] = random.nextGaussian();
                x[i][1] = random.nextGaussian();
                truth[i][0] = sigmoid(-1.0 + 1.2 * x[i][0]);
                truth[i][1] = sigmoid(-0.6 + 1.2 * x[i][0] + 0.5 * x[i][1]);
                truth[i][2] = sigmoid(-0.8 + 0.2 * x[i][0]);
                // confounded: clients with a high x1 (good chances anyway) get arm 1 far more often
                double[] e = randomised ? new double[] {0.4, 0.3, 0.3}
                        : softmax(new double[] {0, 1.5 * x[i][0], -1.2 * x[i][0]});
                double u = random.nextDouble();
                arm[i] = u < e[0] ? 0 : u < e[0] + e[1] ? 1 : 2;
                known[i] = randomised ? e[arm[i]] : Double.NaN;
                worked[i] = random.nextDouble() < truth[i][arm[i]];
            }
            return new Toy(x, arm, worked, known, truth);
        }

        /** Arm 1 where it beats the others, else arm 2 or nothing: depends on both features. */
        int[] policy() {
            int[] policy = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                policy[i] = x[i][1] > 0.3 ? 1 : x[i][0] < -0.5 ? 2 : 0;
            }
            return policy;
        }

        double trueValue(int[] policy) {
            double sum = 0;
            for (int i = 0; i < policy.length; i++) {
                sum += truth[i][policy[i]];
            }
            return sum / policy.length;
        }

        PolicyValue fit(long seed, boolean useKnown) {
            return PolicyValue.crossFitted(x, arm, ARMS, worked, useKnown ? knownPropensity : null, 5, seed);
        }
    }

    @Test
    void theIntervalCoversTheTrueValueOfAKnownPolicyOnARandomisedDesign() {
        int covered = 0;
        int replications = 30;
        for (int r = 0; r < replications; r++) {
            Toy toy = Toy.draw(3_000, 100 + r, true);
            int[] policy = toy.policy();
            covered += toy.fit(r, true).value(policy).covers(toy.trueValue(policy)) ? 1 : 0;
        }
        assertTrue(covered >= 25, "95 % interval covered the true value in " + covered + " of " + replications);
    }

    @Test
    void onAConfoundedDesignTheDoublyRobustValueIsRightWhereTheNaiveOneIsNot() {
        Toy toy = Toy.draw(20_000, 7, false);
        int[] policy = toy.policy();
        double truth = toy.trueValue(policy);
        PolicyValue.Estimate estimate = toy.fit(1, false).value(policy);
        assertTrue(estimate.covers(truth), estimate + " should cover " + truth);
        assertTrue(estimate.standardError() < 0.01, "20,000 clients give a tight interval: " + estimate);
        // everyone given arm 1: those who got it had better chances anyway, so their outcome overstates it
        int[] arm1 = new int[policy.length];
        Arrays.fill(arm1, 1);
        PolicyValue.Estimate everyone1 = toy.fit(1, false).everyone(1);
        double trueArm1 = toy.trueValue(arm1);
        assertTrue(everyone1.covers(trueArm1), everyone1 + " should cover " + trueArm1);
        int got1 = 0;
        int good = 0;
        for (int i = 0; i < policy.length; i++) {
            if (toy.arm()[i] == 1) {
                got1++;
                good += toy.worked()[i] ? 1 : 0;
            }
        }
        double naive = good / (double) got1;
        assertTrue(naive - trueArm1 > 0.1, "the design is confounded enough to need the adjustment: naive " + naive
                + ", truth " + trueArm1);
    }

    @Test
    void aDifferenceOfPoliciesUsesTheSameClientsAndEveryoneOnOneArmIsThatArmsMean() {
        Toy toy = Toy.draw(10_000, 11, true);
        PolicyValue pv = toy.fit(3, true);
        int[] policy = toy.policy();
        int[] nothing = new int[policy.length];
        PolicyValue.Estimate gain = pv.difference(policy, nothing);
        assertEquals(pv.value(policy).value() - pv.everyone(0).value(), gain.value(), 1e-12);
        double trueGain = toy.trueValue(policy) - toy.trueValue(nothing);
        assertTrue(gain.covers(trueGain), gain + " should cover " + trueGain);
        // paired: tighter than treating the two values as independent
        assertTrue(gain.standardError() < Math.hypot(pv.value(policy).standardError(), pv.everyone(0).standardError()));
        // a random policy's value is the average of the three arms' values
        double[][] uniform = new double[policy.length][ARMS];
        for (double[] row : uniform) {
            Arrays.fill(row, 1.0 / ARMS);
        }
        double averageOfArms = (pv.everyone(0).value() + pv.everyone(1).value() + pv.everyone(2).value()) / ARMS;
        assertEquals(averageOfArms, pv.value(uniform).value(), 1e-12);
        assertEquals(BinaryMetrics.rate(toy.worked()), pv.observed().value(), 1e-12);
    }

    @Test
    void aPolicyThatSendsClientsWhereNobodyLikeThemWentIsReportedAsPoorOverlap() {
        Toy toy = Toy.draw(5_000, 13, false);
        PolicyValue pv = toy.fit(5, false);
        // arm 2 is almost never given to clients with a high x1; sending exactly them there has no support
        int[] policy = new int[toy.x().length];
        for (int i = 0; i < policy.length; i++) {
            policy[i] = toy.x()[i][0] > 2.5 ? 2 : 0;
        }
        double share = pv.poorOverlapShare(PolicyValue.deterministic(policy, ARMS));
        long highX = Arrays.stream(toy.x()).filter(r -> r[0] > 2.5).count();
        assertTrue(share > 0.5 * highX / policy.length && share > 0, "poor overlap share " + share);
        assertFalse(pv.poorOverlapShare(PolicyValue.deterministic(new int[policy.length], ARMS)) > 0.01,
                "nothing given is well supported");
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] softmax(double[] eta) {
        double sum = 0;
        double[] p = new double[eta.length];
        for (int k = 0; k < eta.length; k++) {
            p[k] = Math.exp(eta[k]);
            sum += p[k];
        }
        for (int k = 0; k < eta.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
