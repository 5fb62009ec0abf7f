package nl.trede.core.causal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gradient-boosted regression trees on histogram-binned features: the tree ensemble among the
 * nuisance candidates (softmax loss for the propensity over all arms, logistic loss for a 0/1
 * outcome, squared loss for an amount) and the flexible final stage of the DR-learner (squared loss
 * on the pseudo-outcomes). Written here rather than taken from a library because the final stage
 * is refitted on many bootstrap replicates within the training budget, its per-client prediction
 * must take microseconds without allocation, and the fitted trees are stored as plain arrays in the
 * auditable JSON model file. Deterministic for a fixed seed.
 *
 * <p>Each tree is complete to {@code depth} levels and stored breadth-first (children of node i at
 * 2i+1 and 2i+2); a node that does not split is a leaf ({@code feature = -1}). A row goes left when
 * {@code x[feature] <= threshold}.
 */
public final class BoostedTrees {

    /** The loss a model is boosted on. */
    public enum Loss {
        /** Mean of an amount (one output). */
        SQUARED,
        /** Logit of P(y = 1) (one output). */
        LOGISTIC,
        /** Log-odds of each of K classes (K outputs). */
        SOFTMAX
    }

    /**
     * How one ensemble is grown.
     *
     * @param depth        levels of every tree
     * @param learningRate multiplies every leaf value
     * @param rounds       boosting rounds (one tree per output per round)
     * @param l2           ridge penalty on leaf values (in units of summed hessian)
     * @param minLeaf      smallest number of rows in a leaf
     * @param subsample    share of the rows each round is grown on
     */
    record Params(int depth, double learningRate, int rounds, double l2, int minLeaf, double subsample) {

        Params withRounds(int newRounds) {
            return new Params(depth, learningRate, newRounds, l2, minLeaf, subsample);
        }

        Params withDepth(int newDepth) {
            return new Params(newDepth, learningRate, rounds, l2, minLeaf, subsample);
        }
    }

    /**
     * A fitted ensemble: {@code base[k]} plus the sum of output k's trees (the trees of round r
     * are {@code r * outputs .. r * outputs + outputs - 1}, output k the k-th of them).
     */
    public record Ensemble(Loss loss, int outputs, int depth, double[] base, int[] feature, double[] threshold,
                    double[] value) {

        int nodesPerTree() {
            return (1 << (depth + 1)) - 1;
        }

        int rounds() {
            return feature.length / nodesPerTree() / outputs;
        }

        /** The margins (linear predictors) of one row of raw features after the first {@code rounds} rounds. */
        void margins(double[] x, int rounds, double[] out) {
            System.arraycopy(base, 0, out, 0, outputs);
            int nodes = nodesPerTree();
            int trees = Math.min(rounds, rounds()) * outputs;
            for (int t = 0; t < trees; t++) {
                out[t % outputs] += leafValue(x, t * nodes);
            }
        }

        /** The single output of a one-output ensemble for one row. */
        double margin(double[] x) {
            double sum = base[0];
            int nodes = nodesPerTree();
            int trees = feature.length / nodes;
            for (int t = 0; t < trees; t++) {
                sum += leafValue(x, t * nodes);
            }
            return sum;
        }

        /** The value of the leaf a row reaches in the tree stored from {@code offset}. */
        private double leafValue(double[] x, int offset) {
            int node = 0;
            while (feature[offset + node] >= 0) {
                node = x[feature[offset + node]] <= threshold[offset + node] ? 2 * node + 1 : 2 * node + 2;
            }
            return value[offset + node];
        }

        /**
         * Adds to {@code out[feature]} how much each feature moves this row's single output along
         * its paths through the trees (each split's child value minus its parent's; Saabas).
         */
        void contributions(double[] x, double[] out) {
            int nodes = nodesPerTree();
            int trees = feature.length / nodes;
            for (int t = 0; t < trees; t++) {
                int offset = t * nodes;
                int node = 0;
                while (feature[offset + node] >= 0) {
                    int f = feature[offset + node];
                    int child = x[f] <= threshold[offset + node] ? 2 * node + 1 : 2 * node + 2;
                    out[f] += value[offset + child] - value[offset + node];
                    node = child;
                }
            }
        }

        /** The margins after each of the given round counts (ascending): {@code out[c][k]}. */
        void marginsAt(double[] x, int[] checkpoints, double[][] out) {
            double[] sum = base.clone();
            int nodes = nodesPerTree();
            int next = 0;
            for (int round = 0; round <= rounds() && next < checkpoints.length; round++) {
                while (next < checkpoints.length && checkpoints[next] <= round) {
                    System.arraycopy(sum, 0, out[next++], 0, outputs);
                }
                if (round == rounds()) {
                    break;
                }
                for (int k = 0; k < outputs; k++) {
                    sum[k] += leafValue(x, (round * outputs + k) * nodes);
                }
            }
            while (next < checkpoints.length) {
                System.arraycopy(sum, 0, out[next++], 0, outputs);
            }
        }

        /** The same ensemble with its feature indices mapped through {@code columns} (a fit on a column subset). */
        Ensemble onColumns(int[] columns) {
            int[] mapped = feature.clone();
            for (int i = 0; i < mapped.length; i++) {
                mapped[i] = mapped[i] < 0 ? -1 : columns[mapped[i]];
            }
            return new Ensemble(loss, outputs, depth, base, mapped, threshold, value);
        }

        /** The same ensemble cut to its first {@code rounds} rounds. */
        Ensemble truncated(int rounds) {
            int keep = Math.min(rounds, rounds()) * outputs * nodesPerTree();
            return new Ensemble(loss, outputs, depth, base, Arrays.copyOf(feature, keep), Arrays.copyOf(threshold, keep),
                    Arrays.copyOf(value, keep));
        }
    }

    /** Features cut into at most {@value #BINS} bins per column, row-major, with each bin's upper edge. */
    static final class Binned {

        static final int BINS = 32;

        final int rows;
        final int columns;
        final byte[] bins;
        /** {@code edges[c][b]}: a value goes into bin b or lower when it is at most this. */
        final double[][] edges;

        Binned(double[][] x) {
            this(x, java.util.stream.IntStream.range(0, x[0].length).toArray());
        }

        /** Bins the given columns of x only (bin column j is x's column {@code columns[j]}). */
        Binned(double[][] x, int[] selected) {
            rows = x.length;
            columns = selected.length;
            bins = new byte[rows * columns];
            edges = new double[columns][];
            double[] column = new double[rows];
            for (int c = 0; c < columns; c++) {
                for (int i = 0; i < rows; i++) {
                    column[i] = x[i][selected[c]];
                }
                edges[c] = edges(column.clone());
                double[] e = edges[c];
                for (int i = 0; i < rows; i++) {
                    int b = Arrays.binarySearch(e, column[i]);
                    bins[i * columns + c] = (byte) (b >= 0 ? b : Math.min(-b - 1, e.length));
                }
            }
        }

        /** Midpoints between distinct values, at quantiles when there are more than {@value #BINS}. */
        private static double[] edges(double[] values) {
            Arrays.sort(values);
            double[] distinct = new double[values.length];
            int d = 0;
            for (double v : values) {
                if (d == 0 || v != distinct[d - 1]) {
                    distinct[d++] = v;
                }
            }
            if (d <= BINS) {
                double[] e = new double[Math.max(0, d - 1)];
                for (int i = 0; i + 1 < d; i++) {
                    e[i] = (distinct[i] + distinct[i + 1]) / 2;
                }
                return e;
            }
            double[] e = new double[BINS - 1];
            int count = 0;
            for (int q = 1; q < BINS; q++) {
                double v = values[(int) ((long) q * (values.length - 1) / BINS)];
                int at = Arrays.binarySearch(distinct, 0, d, v);
                double edge = at + 1 < d ? (distinct[at] + distinct[at + 1]) / 2 : distinct[at];
                if (count == 0 || edge > e[count - 1]) {
                    e[count++] = edge;
                }
            }
            return Arrays.copyOf(e, count);
        }

        int bin(int row, int column) {
            return bins[row * columns + column];
        }
    }

    private BoostedTrees() {
    }

    /**
     * Boosts an ensemble on the given rows.
     *
     * @param target  the outcome of each row (SQUARED, LOGISTIC: 0/1) or its class (SOFTMAX), by row index
     * @param classes number of classes for SOFTMAX (1 otherwise)
     * @param weight  per-row weight (e.g. a bootstrap count), or null for 1
     * @param offset  per-row value added to the margin before boosting (SQUARED only), or null
     */
    static Ensemble fit(Binned data, double[] target, int classes, int[] rows, double[] weight, double[] offset,
                        Loss loss, Params params, long seed) {
        int outputs = loss == Loss.SOFTMAX ? classes : 1;
        int n = data.rows;
        double[] base = base(target, rows, weight, offset, loss, outputs);
        double[] margin = new double[n * outputs];
        for (int r : rows) {
            for (int k = 0; k < outputs; k++) {
                margin[r * outputs + k] = base[k] + (offset == null ? 0 : offset[r]);
            }
        }
        int nodes = (1 << (params.depth() + 1)) - 1;
        int trees = params.rounds() * outputs;
        int[] feature = new int[trees * nodes];
        double[] threshold = new double[trees * nodes];
        double[] value = new double[trees * nodes];
        int[] splitBin = new int[nodes];
        double[] g = new double[n];
        double[] h = new double[n];
        double[] p = new double[outputs];
        int[] sample = new int[rows.length];
        SplittableRandom random = new SplittableRandom(seed);
        Grower grower = new Grower(data, params);
        for (int round = 0; round < params.rounds(); round++) {
            int size = 0;
            for (int r : rows) {
                if (params.subsample() >= 1 || random.nextDouble() < params.subsample()) {
                    sample[size++] = r;
                }
            }
            for (int k = 0; k < outputs; k++) {
                for (int s = 0; s < size; s++) {
                    int r = sample[s];
                    double w = weight == null ? 1 : weight[r];
                    switch (loss) {
                        case SQUARED -> {
                            g[r] = w * (margin[r] - target[r]);
                            h[r] = w;
                        }
                        case LOGISTIC -> {
                            double q = 1 / (1 + Math.exp(-margin[r]));
                            g[r] = w * (q - target[r]);
                            h[r] = w * Math.max(q * (1 - q), 1e-6);
                        }
                        case SOFTMAX -> {
                            softmax(margin, r * outputs, outputs, p);
                            g[r] = w * (p[k] - (target[r] == k ? 1 : 0));
                            h[r] = w * Math.max(p[k] * (1 - p[k]), 1e-6);
                        }
                    }
                }
                int offsetOfTree = (round * outputs + k) * nodes;
                grower.grow(sample, size, g, h, feature, threshold, value, splitBin, offsetOfTree);
                for (int r : rows) {
                    int node = 0;
                    while (feature[offsetOfTree + node] >= 0) {
                        node = data.bin(r, feature[offsetOfTree + node]) <= splitBin[node] ? 2 * node + 1 : 2 * node + 2;
                    }
                    margin[r * outputs + k] += value[offsetOfTree + node];
                }
            }
        }
        return new Ensemble(loss, outputs, params.depth(), base, feature, threshold, value);
    }

    private static double[] base(double[] target, int[] rows, double[] weight, double[] offset, Loss loss, int outputs) {
        double[] base = new double[outputs];
        double total = 0;
        for (int r : rows) {
            double w = weight == null ? 1 : weight[r];
            total += w;
            if (loss == Loss.SOFTMAX) {
                base[(int) target[r]] += w;
            } else {
                base[0] += w * (target[r] - (offset == null ? 0 : offset[r]));
            }
        }
        total = Math.max(total, 1e-12);
        switch (loss) {
            case SQUARED -> base[0] /= total;
            case LOGISTIC -> {
                double q = Math.min(Math.max(base[0] / total, 1e-4), 1 - 1e-4);
                base[0] = Math.log(q / (1 - q));
            }
            case SOFTMAX -> {
                for (int k = 0; k < outputs; k++) {
                    base[k] = Math.log(Math.max(base[k] / total, 1e-4));
                }
            }
        }
        return base;
    }

    /** Softmax of {@code margin[from .. from+k)} into {@code out}. */
    static void softmax(double[] margin, int from, int k, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, margin[from + j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            out[j] = Math.exp(margin[from + j] - max);
            sum += out[j];
        }
        for (int j = 0; j < k; j++) {
            out[j] /= sum;
        }
    }

    /** Grows one tree level by level from gradient histograms (the larger child's by subtraction). */
    private static final class Grower {

        private final Binned data;
        private final Params params;
        private final int width;
        private int[] index = new int[0];

        Grower(Binned data, Params params) {
            this.data = data;
            this.params = params;
            this.width = data.columns * Binned.BINS;
        }

        void grow(int[] sample, int size, double[] g, double[] h, int[] feature, double[] threshold, double[] value,
                  int[] splitBin, int offset) {
            int nodes = (1 << (params.depth() + 1)) - 1;
            if (index.length < size) {
                index = new int[size];
            }
            System.arraycopy(sample, 0, index, 0, size);
            int[] start = new int[nodes];
            int[] end = new int[nodes];
            double[][] hist = new double[nodes][];
            boolean[] alive = new boolean[nodes];
            end[0] = size;
            alive[0] = true;
            hist[0] = nodes > 1 ? histogram(0, size, g, h) : null;
            for (int node = 0; node < nodes; node++) {
                feature[offset + node] = -1;
                if (!alive[node]) {
                    continue;
                }
                double[] own = hist[node];
                double sumG = 0;
                double sumH = 0;
                if (own == null) { // a node of the last level: its sums alone
                    for (int s = start[node]; s < end[node]; s++) {
                        sumG += g[index[s]];
                        sumH += h[index[s]];
                    }
                } else {
                    for (int b = 0; b < Binned.BINS; b++) {
                        sumG += own[3 * b];
                        sumH += own[3 * b + 1];
                    }
                }
                value[offset + node] = -params.learningRate() * sumG / (sumH + params.l2());
                if (own == null || end[node] - start[node] < 2 * params.minLeaf()) {
                    continue;
                }
                int bestColumn = -1;
                int bestBin = -1;
                double bestGain = 1e-12;
                double parentScore = sumG * sumG / (sumH + params.l2());
                for (int c = 0; c < data.columns; c++) {
                    int cuts = data.edges[c].length;
                    double leftG = 0;
                    double leftH = 0;
                    double leftN = 0;
                    int base = 3 * c * Binned.BINS;
                    double total = end[node] - start[node];
                    for (int b = 0; b < cuts; b++) {
                        leftG += own[base + 3 * b];
                        leftH += own[base + 3 * b + 1];
                        leftN += own[base + 3 * b + 2];
                        if (leftN < params.minLeaf()) {
                            continue;
                        }
                        if (total - leftN < params.minLeaf()) {
                            break;
                        }
                        double rightG = sumG - leftG;
                        double rightH = sumH - leftH;
                        double gain = leftG * leftG / (leftH + params.l2()) + rightG * rightG / (rightH + params.l2())
                                - parentScore;
                        if (gain > bestGain) {
                            bestGain = gain;
                            bestColumn = c;
                            bestBin = b;
                        }
                    }
                }
                if (bestColumn < 0) {
                    continue;
                }
                feature[offset + node] = bestColumn;
                threshold[offset + node] = data.edges[bestColumn][bestBin];
                splitBin[node] = bestBin;
                int mid = partition(start[node], end[node], bestColumn, bestBin);
                int left = 2 * node + 1;
                int right = left + 1;
                start[left] = start[node];
                end[left] = mid;
                start[right] = mid;
                end[right] = end[node];
                alive[left] = true;
                alive[right] = true;
                if (2 * left + 2 < nodes) { // the children split further: they need their histograms
                    boolean leftSmaller = mid - start[node] <= end[node] - mid;
                    int small = leftSmaller ? left : right;
                    int large = leftSmaller ? right : left;
                    hist[small] = histogram(start[small], end[small], g, h);
                    for (int i = 0; i < own.length; i++) {
                        own[i] -= hist[small][i];
                    }
                    hist[large] = own;
                }
            }
        }

        /** Sum of gradients, hessians and rows per (column, bin) over index[from .. to). */
        private double[] histogram(int from, int to, double[] g, double[] h) {
            double[] hist = new double[3 * width];
            int columns = data.columns;
            byte[] bins = data.bins;
            for (int s = from; s < to; s++) {
                int r = index[s];
                double gr = g[r];
                double hr = h[r];
                int rowBase = r * columns;
                for (int c = 0; c < columns; c++) {
                    int at = 3 * (c * Binned.BINS + bins[rowBase + c]);
                    hist[at] += gr;
                    hist[at + 1] += hr;
                    hist[at + 2] += 1;
                }
            }
            return hist;
        }

        /** Moves the rows going left to the front of index[from .. to) and returns where the right ones start. */
        private int partition(int from, int to, int column, int bin) {
            int i = from;
            int j = to - 1;
            while (i <= j) {
                if (data.bin(index[i], column) <= bin) {
                    i++;
                } else {
                    int swap = index[i];
                    index[i] = index[j];
                    index[j] = swap;
                    j--;
                }
            }
            return i;
        }
    }
}
