package dev.triage.probe;

import dev.triage.data.CategoricalColumn;
import dev.triage.data.Column;
import dev.triage.data.NumericColumn;
import dev.triage.probe.log.FeatureAssociation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How well each feature alone predicts the target: |Pearson r| on the training rows, and the better of
 * a linear fit's R² and the held-out R² of a nearest-value predictor ({@link NearestValue}) for
 * regression; for classification, the held-out accuracy of the best one-feature rule (one threshold,
 * each side predicting its most common class; the nearest value's class; or each category its most
 * common class).
 */
final class Associations {
    private Associations() {
    }

    /** |r| on {@code rows}; the nearest-value predictor fitted on {@code fitRows} and scored on {@code scoreRows}. */
    static FeatureAssociation regression(String name, Column feature, double[] target, int[] rows, int[] fitRows,
                                         int[] scoreRows) {
        if (!(feature instanceof NumericColumn n)) {
            return new FeatureAssociation(name, Double.NaN, Double.NaN, Double.NaN);
        }
        double sx = 0;
        double sy = 0;
        int k = 0;
        for (int r : rows) {
            double x = n.values()[r];
            if (Double.isFinite(x) && Double.isFinite(target[r])) {
                sx += x;
                sy += target[r];
                k++;
            }
        }
        if (k < 3) {
            return new FeatureAssociation(name, Double.NaN, Double.NaN, Double.NaN);
        }
        double mx = sx / k;
        double my = sy / k;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int r : rows) {
            double x = n.values()[r];
            if (Double.isFinite(x) && Double.isFinite(target[r])) {
                sxy += (x - mx) * (target[r] - my);
                sxx += (x - mx) * (x - mx);
                syy += (target[r] - my) * (target[r] - my);
            }
        }
        double corr = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
        double nearest = NearestValue.fit(n.values(), target, null, 0, fitRows).r2(n.values(), target, scoreRows);
        return new FeatureAssociation(name, Math.abs(corr), Math.max(corr * corr, Double.isNaN(nearest) ? 0 : nearest),
                Double.NaN, scoreRows.length);
    }

    /**
     * The best one-feature rule is chosen on {@code fitRows} and scored on {@code scoreRows} (the
     * validation rows), so an identifier column that memorizes the training rows does not look like a leak.
     */
    static FeatureAssociation classification(String name, Column feature, int[] labels, int classes, int[] fitRows,
                                             int[] scoreRows) {
        int[] total = new int[classes];
        for (int r : fitRows) {
            total[labels[r]]++;
        }
        int majorityClass = argmax(total);
        int majorityCorrect = 0;
        for (int r : scoreRows) {
            majorityCorrect += labels[r] == majorityClass ? 1 : 0;
        }
        double majority = majorityCorrect / (double) Math.max(1, scoreRows.length);
        java.util.function.IntUnaryOperator rule = feature instanceof NumericColumn n
                ? thresholdRule(n.values(), labels, classes, fitRows, total, majorityClass)
                : categoryRule((CategoricalColumn) feature, labels, classes, fitRows, majorityClass);
        int correct = 0;
        for (int r : scoreRows) {
            correct += rule.applyAsInt(r) == labels[r] ? 1 : 0;
        }
        double accuracy = correct / (double) Math.max(1, scoreRows.length);
        if (feature instanceof NumericColumn n) {
            accuracy = Math.max(accuracy, NearestValue.fit(n.values(), null, labels, classes, fitRows)
                    .accuracy(n.values(), labels, scoreRows));
        }
        return new FeatureAssociation(name, Double.NaN, accuracy, majority, scoreRows.length);
    }

    /**
     * The best single threshold: each side predicts its most common class; missing values the overall
     * majority. Values are compared in float precision (rows are ordered by a primitive sort of packed
     * float bits and row indices).
     */
    private static java.util.function.IntUnaryOperator thresholdRule(double[] x, int[] labels, int classes, int[] rows,
                                                                     int[] total, int majorityClass) {
        int[] order = sortedByValue(x, rows);
        int[] left = new int[classes];
        int[] right = new int[classes];
        for (int r : order) {
            right[labels[r]]++;
        }
        int best = -1;
        double threshold = Double.NEGATIVE_INFINITY;
        int leftClass = majorityClass;
        int rightClass = argmax(right);
        for (int i = 0; i < order.length - 1; i++) {
            left[labels[order[i]]]++;
            right[labels[order[i]]]--;
            float v = (float) x[order[i]];
            float next = (float) x[order[i + 1]];
            if (v != next && max(left) + max(right) > best) {
                best = max(left) + max(right);
                threshold = (v + (double) next) / 2;
                leftClass = argmax(left);
                rightClass = argmax(right);
            }
        }
        double t = threshold;
        int lc = leftClass;
        int rc = rightClass;
        return r -> !Double.isFinite(x[r]) ? majorityClass : (float) x[r] <= t ? lc : rc;
    }

    /** The rows with a finite value, ordered by it. */
    private static int[] sortedByValue(double[] x, int[] rows) {
        long[] keys = new long[rows.length];
        int n = 0;
        for (int r : rows) {
            if (Double.isFinite(x[r])) {
                int bits = Float.floatToIntBits((float) x[r] == 0 ? 0f : (float) x[r]);
                bits ^= (bits >> 31) & 0x7fffffff;
                keys[n++] = ((long) bits << 32) | (r & 0xffffffffL);
            }
        }
        Arrays.sort(keys, 0, n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) keys[i];
        }
        return out;
    }

    private static java.util.function.IntUnaryOperator categoryRule(CategoricalColumn c, int[] labels, int classes,
                                                                    int[] rows, int majorityClass) {
        Map<Integer, int[]> byLevel = new HashMap<>();
        for (int r : rows) {
            byLevel.computeIfAbsent(c.codes()[r], k -> new int[classes])[labels[r]]++;
        }
        Map<Integer, Integer> predicted = new HashMap<>();
        byLevel.forEach((level, counts) -> predicted.put(level, argmax(counts)));
        return r -> predicted.getOrDefault(c.codes()[r], majorityClass);
    }

    private static int argmax(int[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
