package nl.trede.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Discrimination and calibration metrics for predicted probabilities of a binary outcome. */
public final class BinaryMetrics {

    private BinaryMetrics() {
    }

    /** One calibration bin: how many, the mean prediction, and the observed rate. */
    public record CalibrationBin(int n, double lower, double upper, double meanPredicted, double observedRate) {
    }

    /** Area under the ROC curve (Mann–Whitney), with ties counted half. */
    public static double auc(double[] scores, boolean[] labels) {
        Integer[] order = sortedIndices(scores);
        long positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double rankSumPositives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]]) {
                    rankSumPositives += averageRank;
                }
            }
            i = j + 1;
        }
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean negative log-likelihood, with probabilities clipped away from 0 and 1. */
    public static double logLoss(double[] probabilities, boolean[] labels) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, probabilities[i]));
            sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
        }
        return sum / probabilities.length;
    }

    public static double brier(double[] probabilities, boolean[] labels) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double error = probabilities[i] - (labels[i] ? 1 : 0);
            sum += error * error;
        }
        return sum / probabilities.length;
    }

    public static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    public static double rate(boolean[] labels) {
        int count = 0;
        for (boolean label : labels) {
            count += label ? 1 : 0;
        }
        return labels.length == 0 ? Double.NaN : count / (double) labels.length;
    }

    /**
     * Calibration table. Equal-mass bins each hold (about) the same number of clients, sorted by
     * prediction; equal-width bins split [0, 1] into equal intervals (empty bins are left out).
     */
    public static List<CalibrationBin> calibrationTable(double[] probabilities, boolean[] labels, int bins, boolean equalMass) {
        List<CalibrationBin> table = new ArrayList<>();
        for (List<Integer> group : bins(probabilities, bins, equalMass)) {
            double predicted = 0;
            int observed = 0;
            double lower = Double.MAX_VALUE;
            double upper = -Double.MAX_VALUE;
            for (int index : group) {
                predicted += probabilities[index];
                observed += labels[index] ? 1 : 0;
                lower = Math.min(lower, probabilities[index]);
                upper = Math.max(upper, probabilities[index]);
            }
            table.add(new CalibrationBin(group.size(), lower, upper, predicted / group.size(),
                    observed / (double) group.size()));
        }
        return table;
    }

    /**
     * The mean of {@code values} (e.g. the true probabilities, where a simulator knows them) in each
     * of the equal-mass bins of {@link #calibrationTable}, bin for bin.
     */
    public static double[] meanPerEqualMassBin(double[] probabilities, double[] values, int bins) {
        return bins(probabilities, bins, true).stream()
                .mapToDouble(group -> group.stream().mapToDouble(i -> values[i]).average().orElseThrow()).toArray();
    }

    /** The clients of each bin, sorted by prediction; empty bins left out. */
    private static List<List<Integer>> bins(double[] probabilities, int bins, boolean equalMass) {
        Integer[] order = sortedIndices(probabilities);
        List<List<Integer>> groups = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            groups.add(new ArrayList<>());
        }
        for (int rank = 0; rank < order.length; rank++) {
            int index = order[rank];
            int bin = equalMass ? (int) ((long) rank * bins / order.length)
                    : Math.min(bins - 1, (int) (probabilities[index] * bins));
            groups.get(bin).add(index);
        }
        groups.removeIf(List::isEmpty);
        return groups;
    }

    /** Expected calibration error: the n-weighted mean |mean predicted − observed rate| over the bins. */
    public static double expectedCalibrationError(double[] probabilities, boolean[] labels, int bins, boolean equalMass) {
        double sum = 0;
        for (CalibrationBin bin : calibrationTable(probabilities, labels, bins, equalMass)) {
            sum += bin.n() * Math.abs(bin.meanPredicted() - bin.observedRate());
        }
        return sum / probabilities.length;
    }

    private static Integer[] sortedIndices(double[] values) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble(i -> values[i]))
                .toArray(Integer[]::new);
    }
}
