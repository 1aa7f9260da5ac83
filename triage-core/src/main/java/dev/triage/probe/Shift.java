package dev.triage.probe;

import dev.triage.data.NumericColumn;
import dev.triage.probe.log.ColumnShift;
import java.util.Arrays;

/** Compares a numeric feature's training rows with its test rows. */
final class Shift {
    private Shift() {
    }

    static ColumnShift of(String name, double[] train, double[] test) {
        double[] a = finiteSorted(train);
        double[] b = finiteSorted(test);
        if (a.length < 2 || b.length < 2) {
            return new ColumnShift(name, Double.NaN, Double.NaN, Double.NaN, a.length, b.length);
        }
        double ma = mean(a);
        double mb = mean(b);
        double sa = std(a, ma);
        double sb = std(b, mb);
        double scale = sa > 0 ? sa : Math.max(sb, 1e-12);
        return new ColumnShift(name, ks(a, b), (mb - ma) / scale, sa > 0 ? sb / sa : Double.NaN, a.length, b.length);
    }

    static double[] values(NumericColumn c, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = c.values()[rows[i]];
        }
        return out;
    }

    /** Two-sample Kolmogorov-Smirnov statistic of two sorted samples. */
    static double ks(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double v = Math.min(a[i], b[j]);
            while (i < a.length && a[i] == v) {
                i++;
            }
            while (j < b.length && b[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }

    private static double[] finiteSorted(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double std(double[] v, double m) {
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }
}
