package nl.trede.core.causal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A small confounded data-generating process with known effects, for testing the estimator.
 *
 * <p>Clients have motivation (standard normal), age (18..65), a health limitation (30 %) and a
 * noise feature. Motivation drives both who gets a programme (strong cream-skimming) and the
 * outcome, so a comparison of raw means credits the programmes with the motivation of the clients
 * chosen for them. Arms: 0 NONE, 1 TRAINING (effect grows with age), 2 COACHING (larger with a
 * health limitation), which is never given to clients over 60, so they are off its support.
 *
 * <p>Binary outcome: work within the horizon, logit-linear in the features plus an arm-specific
 * shift; the true client-level effect is the difference of the two probabilities. Continuous
 * outcome: earnings in euros, linear, with linear effects.
 */
public final class ConfoundedDgp {

    static final List<String> FEATURES = List.of("motivation", "age", "health_limitation", "noise");
    static final List<String> ARMS = List.of("NONE", "TRAINING", "COACHING");
    static final double COACHING_MAX_AGE = 60;

    /** The data and, per client and arm, the true effect versus control. */
    record Sample(CausalData data, double[][] trueEffect) {

        /** The sample average of the true effects of one arm. */
        double trueAte(int arm) {
            double sum = 0;
            for (double[] effect : trueEffect) {
                sum += effect[arm];
            }
            return sum / trueEffect.length;
        }

        /** The average true effect of an arm over the clients who received it. */
        double trueAtt(int arm) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < trueEffect.length; i++) {
                if (data.treatment()[i] == arm) {
                    sum += trueEffect[i][arm];
                    count++;
                }
            }
            return sum / count;
        }
    }

    static Sample generate(int n, long seed, boolean binary) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][];
        int[] arm = new int[n];
        double[] y = new double[n];
        double[][] effect = new double[n][3];
        for (int i = 0; i < n; i++) {
            double motivation = gaussian(random);
            double age = 18 + 47 * random.nextDouble();
            double health = random.nextDouble() < 0.3 ? 1 : 0;
            double noise = gaussian(random);
            x[i] = new double[] {motivation, age, health, noise};
            double ageStd = (age - 41.5) / 13.6;

            double[] logit = {0, -0.8 + 1.5 * motivation, -1.0 + 1.0 * motivation + 0.8 * health};
            if (age > COACHING_MAX_AGE) {
                logit[2] = Double.NEGATIVE_INFINITY;
            }
            arm[i] = draw(random, logit);

            if (binary) {
                double base = -0.6 + 1.2 * motivation - 0.5 * health + 0.1 * noise;
                double[] shift = {0, 0.45 + 0.35 * ageStd, 0.15 + 0.6 * health};
                for (int k = 1; k < 3; k++) {
                    effect[i][k] = sigmoid(base + shift[k]) - sigmoid(base);
                }
                y[i] = random.nextDouble() < sigmoid(base + shift[arm[i]]) ? 1 : 0;
            } else {
                double base = 12_000 + 4_000 * motivation - 2_500 * health + 300 * ageStd;
                effect[i][1] = 1_500 + 1_000 * ageStd;
                effect[i][2] = 800 + 2_000 * health;
                y[i] = base + effect[i][arm[i]] + 3_000 * gaussian(random);
            }
        }
        return new Sample(new CausalData(x, FEATURES, arm, y, ARMS), effect);
    }

    /** An index drawn with probabilities softmax(logit). */
    public static int draw(SplittableRandom random, double[] logit) {
        double[] p = new double[logit.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logit[k]);
            sum += p[k];
        }
        double u = random.nextDouble() * sum;
        for (int k = 0; k < p.length; k++) {
            u -= p[k];
            if (u < 0) {
                return k;
            }
        }
        return 0;
    }

    static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private ConfoundedDgp() {
    }
}
