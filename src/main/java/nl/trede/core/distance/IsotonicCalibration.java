package nl.trede.core.distance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Isotonic calibration: the non-decreasing map from raw to calibrated probability that fits the
 * outcomes best in squared error (pool-adjacent-violators), interpolated linearly between the
 * centres of its blocks and flat beyond the first and last. Unlike Platt scaling it assumes no
 * shape, so it can correct a model that is too flat at the top only. Interpolation keeps it strictly
 * increasing between knots, so a client's factors (changes in the calibrated probability) do not
 * vanish inside a flat step. Calibrated values are kept within {@code [1/(2n), 1 - 1/(2n)]} of the
 * fitting data's size, so no client is given a certain outcome.
 *
 * @param raw        knots: the mean raw probability of each block, increasing
 * @param calibrated the observed rate of each block, non-decreasing
 */
public record IsotonicCalibration(double[] raw, double[] calibrated) implements Calibration {

    public IsotonicCalibration {
        if (raw.length == 0 || raw.length != calibrated.length) {
            throw new IllegalArgumentException("isotonic calibration needs as many calibrated values as knots, and one at least");
        }
        for (int k = 1; k < raw.length; k++) {
            if (!(raw[k] > raw[k - 1]) || calibrated[k] < calibrated[k - 1]) {
                throw new IllegalArgumentException("isotonic knots must increase and their values must not decrease");
            }
        }
        raw = raw.clone();
        calibrated = calibrated.clone();
    }

    @Override
    public double apply(double rawProbability) {
        int k = Arrays.binarySearch(raw, rawProbability);
        if (k >= 0) {
            return calibrated[k];
        }
        int above = -k - 1;
        if (above == 0) {
            return calibrated[0];
        }
        if (above == raw.length) {
            return calibrated[raw.length - 1];
        }
        double t = (rawProbability - raw[above - 1]) / (raw[above] - raw[above - 1]);
        return calibrated[above - 1] + t * (calibrated[above] - calibrated[above - 1]);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "isotonic regression (%d knots, raw %.4f–%.4f mapped to %.4f–%.4f)", raw.length,
                raw[0], raw[raw.length - 1], calibrated[0], calibrated[calibrated.length - 1]);
    }

    /** Fits the map by pool-adjacent-violators on the raw probabilities of clients with known outcomes. */
    public static IsotonicCalibration fit(double[] rawProbabilities, boolean[] labels) {
        int n = rawProbabilities.length;
        Integer[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(i -> rawProbabilities[i])).toArray(Integer[]::new);
        // blocks as (sum of raw, sum of outcomes, count); equal raw values start in one block
        List<double[]> blocks = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int i = order[r];
            double y = labels[i] ? 1 : 0;
            double[] last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (last != null && last[0] / last[2] == rawProbabilities[i]) {
                last[0] += rawProbabilities[i];
                last[1] += y;
                last[2]++;
            } else {
                blocks.add(new double[] {rawProbabilities[i], y, 1});
            }
            while (blocks.size() > 1) {
                double[] b = blocks.get(blocks.size() - 1);
                double[] a = blocks.get(blocks.size() - 2);
                if (a[1] / a[2] < b[1] / b[2]) {
                    break;
                }
                a[0] += b[0];
                a[1] += b[1];
                a[2] += b[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double floor = 0.5 / n;
        double[] knots = new double[blocks.size()];
        double[] values = new double[blocks.size()];
        for (int k = 0; k < knots.length; k++) {
            double[] b = blocks.get(k);
            knots[k] = b[0] / b[2];
            values[k] = Math.min(1 - floor, Math.max(floor, b[1] / b[2]));
        }
        return new IsotonicCalibration(knots, values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IsotonicCalibration o && Arrays.equals(raw, o.raw) && Arrays.equals(calibrated, o.calibrated);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(raw) + Arrays.hashCode(calibrated);
    }

    @Override
    public String toString() {
        return describe();
    }
}
