package nl.trede.core.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlattCalibrationTest {

    /** Raw scores that are over-confident and shifted: the fit must recover the true map. */
    @Test
    void recoversAKnownMiscalibration() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 100_000;
        double[] raw = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian() * 2 - 2;
            raw[i] = 1 / (1 + Math.exp(-z));
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-(0.5 * z - 0.7)));
        }
        PlattCalibration fitted = PlattCalibration.fit(raw, labels);
        assertEquals(0.5, fitted.slope(), 0.03);
        assertEquals(-0.7, fitted.intercept(), 0.05);
        assertEquals(1 / (1 + Math.exp(0.7)), fitted.apply(0.5), 0.01);
        assertEquals(0.3, PlattCalibration.IDENTITY.apply(0.3), 1e-9);
    }
}
