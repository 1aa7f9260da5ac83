package dev.triage.dl4j;

import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.NumericSummary;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Streaming statistics of one column (count, moments, range, non-finite values, whether all are
 * integers) and a sample of its values for quantiles and distinct counts.
 */
final class ColumnStats {
    final String name;
    long count;
    long nonFinite;
    double mean;
    double m2;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean integers = true;
    private double[] sample = new double[64];
    private int sampled;
    private final int sampleCap;

    ColumnStats(String name, int sampleCap) {
        this.name = name;
        this.sampleCap = sampleCap;
    }

    /** Welford's update: one pass, stable for large values. */
    void add(double v) {
        if (!Double.isFinite(v)) {
            nonFinite++;
            return;
        }
        count++;
        double d = v - mean;
        mean += d / count;
        m2 += d * (v - mean);
        min = Math.min(min, v);
        max = Math.max(max, v);
        integers &= v == Math.rint(v);
        if (sampled < sampleCap) {
            if (sampled == sample.length) {
                sample = Arrays.copyOf(sample, Math.min(sampleCap, sampled * 2));
            }
            sample[sampled++] = v;
        }
    }

    double std() {
        return count > 1 ? Math.sqrt(m2 / count) : 0;
    }

    /** The profile the data rules read; quantiles, median absolute deviation and distinct values from the sample. */
    ColumnProfile profile(boolean target) {
        double[] s = Arrays.copyOf(sample, sampled);
        Arrays.sort(s);
        Set<Double> distinct = new HashSet<>();
        for (double v : s) {
            if (distinct.size() > ColumnProfile.DISTINCT_CAP) {
                break;
            }
            distinct.add(v);
        }
        double median = quantile(s, 0.5);
        double[] deviations = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            deviations[i] = Math.abs(s[i] - median);
        }
        Arrays.sort(deviations);
        NumericSummary summary = count == 0 ? null : new NumericSummary(min, quantile(s, 0.25), median, quantile(s, 0.75), max,
                mean, std(), quantile(deviations, 0.5));
        boolean capped = distinct.size() > ColumnProfile.DISTINCT_CAP;
        return new ColumnProfile(name, target, true, count + nonFinite, 0, nonFinite,
                Math.min(distinct.size(), ColumnProfile.DISTINCT_CAP), capped, summary, null, integers && count > 0,
                count > 0 && min == max);
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
