package dev.triage.probe;

import java.util.Arrays;

/**
 * A shallow CART tree, the non-linear baseline: greedy binary splits on single features, variance
 * reduction (regression) or Gini impurity (classification), depth at most {@link #MAX_DEPTH}, at
 * least {@link #MIN_LEAF} rows per leaf. Leaves predict the mean, or class frequencies (Laplace
 * smoothed) for classification. On wide data each split considers {@link #FEATURES_PER_NODE}
 * features drawn at random (seeded), which keeps the baseline cheap on images.
 */
final class DecisionTree {
    static final int MAX_DEPTH = 6;
    static final int MIN_LEAF = 5;
    static final int FEATURES_PER_NODE = 64;

    private final int classes;
    private final int features;
    private final double[] x;
    private final double[] y;
    private final int[] labels;
    private Node root;
    private final java.util.SplittableRandom rng;

    private static final class Node {
        int feature = -1;
        double threshold;
        Node left;
        Node right;
        double[] value;
    }

    /** {@code labels} null and {@code classes} 0 for regression (then {@code y} holds the targets). */
    DecisionTree(double[] x, int features, double[] y, int[] labels, int classes, long seed) {
        this.rng = new java.util.SplittableRandom(seed);
        this.x = x;
        this.features = features;
        this.y = y;
        this.labels = labels;
        this.classes = classes;
    }

    DecisionTree fit(int[] rows) {
        root = grow(rows, 0);
        return this;
    }

    private Node grow(int[] rows, int depth) {
        Node node = new Node();
        node.value = leafValue(rows);
        if (depth >= MAX_DEPTH || rows.length < 2 * MIN_LEAF) {
            return node;
        }
        double[] best = {Double.POSITIVE_INFINITY, -1, 0};
        for (int f : candidates()) {
            bestSplit(rows, f, best);
        }
        if (best[1] < 0 || best[0] >= impurity(rows) * rows.length - 1e-12) {
            return node;
        }
        int f = (int) best[1];
        int[] left = Arrays.stream(rows).filter(r -> value(r, f) <= best[2]).toArray();
        int[] right = Arrays.stream(rows).filter(r -> value(r, f) > best[2]).toArray();
        node.feature = f;
        node.threshold = best[2];
        node.left = grow(left, depth + 1);
        node.right = grow(right, depth + 1);
        return node;
    }

    /** All features, or a random subset of {@link #FEATURES_PER_NODE} on wide data. */
    private int[] candidates() {
        int[] all = java.util.stream.IntStream.range(0, features).toArray();
        if (features <= FEATURES_PER_NODE) {
            return all;
        }
        dev.triage.data.Splitter.shuffle(all, rng);
        return java.util.Arrays.copyOf(all, FEATURES_PER_NODE);
    }

    /** Scans the thresholds of feature f; best = {weighted impurity, feature, threshold}. */
    private void bestSplit(int[] rows, int f, double[] best) {
        int n = rows.length;
        long[] order = sortedByFeature(rows, f);
        Impurity left = new Impurity(classes);
        Impurity right = new Impurity(classes);
        for (int r : rows) {
            right.add(target(r), labelOf(r), 1);
        }
        for (int i = 0; i < n - 1; i++) {
            int r = (int) order[i];
            left.add(target(r), labelOf(r), 1);
            right.add(target(r), labelOf(r), -1);
            float v = value(r, f);
            float next = value((int) order[i + 1], f);
            if (v == next || i + 1 < MIN_LEAF || n - i - 1 < MIN_LEAF) {
                continue;
            }
            double score = left.total() + right.total();
            if (score < best[0]) {
                best[0] = score;
                best[1] = f;
                best[2] = (v + (double) next) / 2;
            }
        }
    }

    /**
     * Rows ordered by the feature's value, as primitive longs (order-preserving float bits above the
     * row index), which sorts much faster than boxed indices.
     */
    private long[] sortedByFeature(int[] rows, int f) {
        long[] keys = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int bits = Float.floatToIntBits(value(rows[i], f));
            bits ^= (bits >> 31) & 0x7fffffff;
            keys[i] = ((long) bits << 32) | (rows[i] & 0xffffffffL);
        }
        Arrays.sort(keys);
        return keys;
    }

    private float value(int row, int f) {
        return (float) x[row * features + f];
    }

    private double target(int r) {
        return labels == null ? y[r] : 0;
    }

    private int labelOf(int r) {
        return labels == null ? -1 : labels[r];
    }

    private double impurity(int[] rows) {
        Impurity all = new Impurity(classes);
        for (int r : rows) {
            all.add(target(r), labelOf(r), 1);
        }
        return all.total() / Math.max(1, rows.length);
    }

    private double[] leafValue(int[] rows) {
        if (labels == null) {
            double s = 0;
            for (int r : rows) {
                s += y[r];
            }
            return new double[] {rows.length == 0 ? 0 : s / rows.length};
        }
        double[] p = new double[classes];
        Arrays.fill(p, 1);
        for (int r : rows) {
            p[labels[r]]++;
        }
        double total = rows.length + classes;
        for (int c = 0; c < classes; c++) {
            p[c] /= total;
        }
        return p;
    }

    /** The leaf value (mean, or class probabilities) of a standardized row. */
    double[] predict(double[] data, int row) {
        Node n = root;
        while (n.feature >= 0) {
            n = (float) data[row * features + n.feature] <= n.threshold ? n.left : n.right;
        }
        return n.value;
    }

    /** Sum of squared deviations (regression) or rows x Gini impurity (classification), kept incrementally. */
    private static final class Impurity {
        private final double[] counts;
        private final boolean regression;
        private double n;
        private double sum;
        private double sumSq;

        /** {@code classes} 0 means regression. */
        Impurity(int classes) {
            counts = new double[Math.max(1, classes)];
            regression = classes == 0;
        }

        void add(double y, int label, int sign) {
            n += sign;
            if (label >= 0) {
                counts[label] += sign;
            } else {
                sum += sign * y;
                sumSq += sign * y * y;
            }
        }

        double total() {
            if (n <= 0) {
                return 0;
            }
            if (regression) {
                return Math.max(0, sumSq - sum * sum / n);
            }
            double sq = 0;
            for (double c : counts) {
                sq += c * c;
            }
            return n - sq / n;
        }
    }
}
