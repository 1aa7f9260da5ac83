package dev.triage.data;

import java.util.Arrays;

/** Statistics of the finite values of a numeric array (what scalers and imputers are fitted with). */
public record Stats(int count, double mean, double std, double min, double max, double q25, double median, double q75,
                    double mode) {

    public double iqr() {
        return q75 - q25;
    }

    /** Statistics of the finite values of {@code values[rows[i]]}; all NaN when none is finite. */
    public static Stats of(double[] values, int[] rows) {
        double[] v = new double[rows.length];
        int n = 0;
        for (int r : rows) {
            double x = values[r];
            if (Double.isFinite(x)) {
                v[n++] = x;
            }
        }
        return of(Arrays.copyOf(v, n));
    }

    /** Statistics of the finite values given (the array is sorted in place). */
    public static Stats of(double[] finite) {
        Arrays.sort(finite);
        return ofSorted(finite);
    }

    /** Statistics of finite values already in ascending order. */
    public static Stats ofSorted(double[] finite) {
        int n = finite.length;
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double x : finite) {
            sum += x;
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : finite) {
            ss += (x - mean) * (x - mean);
        }
        return new Stats(n, mean, Math.sqrt(ss / n), finite[0], finite[n - 1], quantile(finite, 0.25),
                quantile(finite, 0.5), quantile(finite, 0.75), mode(finite));
    }

    /** Linear interpolation between order statistics (numpy's default). */
    public static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Most frequent value of a sorted array (the smallest on ties). */
    private static double mode(double[] sorted) {
        double best = sorted[0];
        int bestCount = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return best;
    }
}
