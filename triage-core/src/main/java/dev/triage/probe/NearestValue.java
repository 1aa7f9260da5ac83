package dev.triage.probe;

import java.util.Arrays;

/**
 * One feature as a nearest-neighbour predictor: each query row takes the mean target (regression) or
 * the most common class (classification) of the fitting rows whose value is nearest to its own
 * (ties between a nearer value below and above share). It finds relations no straight line or single
 * threshold sees — a binned copy of a target, a row number on a file sorted by class — and scores an
 * identifier of a shuffled file at chance, since neighbouring identifiers are unrelated rows.
 */
final class NearestValue {
    private final double[] values;
    private final double[][] stats;

    /** Distinct finite values of the fitting rows in order, with per value {sum, count} or class counts. */
    private NearestValue(double[] values, double[][] stats) {
        this.values = values;
        this.stats = stats;
    }

    /** {@code labels} null for regression (then {@code target} is used). */
    static NearestValue fit(double[] x, double[] target, int[] labels, int classes, int[] rows) {
        int[] order = Arrays.stream(rows).filter(r -> Double.isFinite(x[r]) && (labels != null || Double.isFinite(target[r])))
                .boxed().sorted((a, b) -> Double.compare(x[a], x[b])).mapToInt(Integer::intValue).toArray();
        double[] values = new double[order.length];
        double[][] stats = new double[order.length][];
        int n = 0;
        for (int r : order) {
            if (n == 0 || x[r] != values[n - 1]) {
                values[n] = x[r];
                stats[n++] = new double[labels != null ? classes : 2];
            }
            double[] s = stats[n - 1];
            if (labels != null) {
                s[labels[r]]++;
            } else {
                s[0] += target[r];
                s[1]++;
            }
        }
        return new NearestValue(Arrays.copyOf(values, n), Arrays.copyOf(stats, n));
    }

    /** The pooled statistics of the value(s) nearest to {@code q}; null when there is none or q is not finite. */
    double[] nearest(double q) {
        if (values.length == 0 || !Double.isFinite(q)) {
            return null;
        }
        int i = Arrays.binarySearch(values, q);
        if (i >= 0) {
            return stats[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        if (lo < 0 || hi < values.length && values[hi] - q < q - values[lo]) {
            return stats[hi];
        }
        if (hi >= values.length || q - values[lo] < values[hi] - q) {
            return stats[lo];
        }
        double[] pooled = stats[lo].clone();
        for (int k = 0; k < pooled.length; k++) {
            pooled[k] += stats[hi][k];
        }
        return pooled;
    }

    /** Held-out R² of the nearest-value means on {@code rows} (NaN without enough finite rows or spread). */
    double r2(double[] x, double[] target, int[] rows) {
        double sum = 0;
        int n = 0;
        for (int r : rows) {
            if (Double.isFinite(target[r])) {
                sum += target[r];
                n++;
            }
        }
        double mean = sum / Math.max(1, n);
        double sse = 0;
        double sst = 0;
        for (int r : rows) {
            double[] s = Double.isFinite(target[r]) ? nearest(x[r]) : null;
            if (s != null) {
                sse += Math.pow(target[r] - s[0] / s[1], 2);
                sst += Math.pow(target[r] - mean, 2);
            }
        }
        return n < 3 || !(sst > 0) ? Double.NaN : 1 - sse / sst;
    }

    /** Held-out accuracy of the nearest-value classes on {@code rows}; rows without a value count as wrong. */
    double accuracy(double[] x, int[] labels, int[] rows) {
        int correct = 0;
        for (int r : rows) {
            double[] s = nearest(x[r]);
            int best = 0;
            for (int k = 1; s != null && k < s.length; k++) {
                best = s[k] > s[best] ? k : best;
            }
            correct += s != null && labels[r] == best ? 1 : 0;
        }
        return correct / (double) Math.max(1, rows.length);
    }
}
