package nl.trede.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    @Test
    void aucCountsPairsAndHalvesTies() {
        boolean[] labels = {false, false, true, true};
        assertEquals(1.0, BinaryMetrics.auc(new double[] {0.1, 0.2, 0.3, 0.4}, labels), 1e-12);
        assertEquals(0.0, BinaryMetrics.auc(new double[] {0.4, 0.3, 0.2, 0.1}, labels), 1e-12);
        assertEquals(0.5, BinaryMetrics.auc(new double[] {0.5, 0.5, 0.5, 0.5}, labels), 1e-12);
        // Positives 0.3, 0.2 against negatives 0.1, 0.3: three wins and one tie out of four pairs.
        assertEquals(0.625, BinaryMetrics.auc(new double[] {0.1, 0.3, 0.3, 0.2}, labels), 1e-12);
    }

    @Test
    void eceIsTheWeightedGapBetweenPredictionAndOutcomePerBin() {
        double[] p = {0.1, 0.1, 0.9, 0.9};
        boolean[] y = {false, false, true, true};
        // Two equal-mass bins: |0.1 - 0| and |0.9 - 1|, each half the clients.
        assertEquals(0.1, BinaryMetrics.expectedCalibrationError(p, y, 2, true), 1e-12);
        assertEquals(0.1, BinaryMetrics.expectedCalibrationError(p, y, 10, false), 1e-12);
        assertEquals(0.0, BinaryMetrics.expectedCalibrationError(new double[] {0.5, 0.5}, new boolean[] {true, false}, 1, true), 1e-12);
    }
}
