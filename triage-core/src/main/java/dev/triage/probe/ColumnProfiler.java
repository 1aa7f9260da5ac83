package dev.triage.probe;

import dev.triage.data.CategoricalColumn;
import dev.triage.data.Column;
import dev.triage.data.NumericColumn;
import dev.triage.data.Stats;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.NumericSummary;
import dev.triage.probe.log.OutlierSummary;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Profiles one column: counts, order statistics, robust outlier scores, and constancy in the training rows. */
final class ColumnProfiler {
    /** Robust z-score beyond which a value counts as an outlier (|x - median| / (1.4826 MAD)). */
    static final double OUTLIER_BOUND = 10.0;
    /** Scales the MAD to a standard deviation for normal data. */
    static final double MAD_TO_STD = 1.4826;

    private ColumnProfiler() {
    }

    /** {@code parts}: the column over all rows used (training file and test file); {@code trainRows}: indices into parts[0]. */
    static ColumnProfile profile(String name, boolean target, Column[] parts, int[] trainRows) {
        boolean numeric = parts[0] instanceof NumericColumn;
        long count = 0;
        long missing = 0;
        long infinite = 0;
        for (Column c : parts) {
            count += c.size();
            for (int i = 0; i < c.size(); i++) {
                if (numeric ? Double.isNaN(((NumericColumn) c).values()[i]) : c.isMissing(i)) {
                    missing++;
                } else if (numeric && Double.isInfinite(((NumericColumn) c).values()[i])) {
                    infinite++;
                }
            }
        }
        boolean constant = distinctInRows(parts[0], trainRows) <= 1;
        if (!numeric) {
            long distinct = distinctText(parts);
            return new ColumnProfile(name, target, false, count, missing, infinite, distinct, false, null, null, false, constant);
        }
        double[] finite = finiteValues(parts);
        Arrays.sort(finite);
        long distinct = distinctSorted(finite);
        NumericSummary summary = summary(finite);
        boolean integers = Arrays.stream(finite).allMatch(v -> v == Math.rint(v));
        return new ColumnProfile(name, target, true, count, missing, infinite, Math.min(distinct, ColumnProfile.DISTINCT_CAP),
                distinct > ColumnProfile.DISTINCT_CAP, summary, outliers(finite, summary), integers, constant);
    }

    private static double[] finiteValues(Column[] parts) {
        int n = 0;
        for (Column c : parts) {
            n += c.size();
        }
        double[] out = new double[n];
        int k = 0;
        for (Column c : parts) {
            for (double v : ((NumericColumn) c).values()) {
                if (Double.isFinite(v)) {
                    out[k++] = v;
                }
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static long distinctSorted(double[] sorted) {
        long n = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                n++;
            }
        }
        return n;
    }

    /** Summary of finite values that are already sorted. */
    static NumericSummary summary(double[] finite) {
        if (finite.length == 0) {
            return new NumericSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Stats s = Stats.ofSorted(finite);
        double[] dev = new double[finite.length];
        for (int i = 0; i < finite.length; i++) {
            dev[i] = Math.abs(finite[i] - s.median());
        }
        Arrays.sort(dev);
        return new NumericSummary(s.min(), s.q25(), s.median(), s.q75(), s.max(), s.mean(), s.std(), Stats.quantile(dev, 0.5));
    }

    /** Robust z-scores; with a zero MAD (mostly one value) the mean absolute deviation stands in. */
    static OutlierSummary outliers(double[] sortedFinite, NumericSummary s) {
        if (sortedFinite.length == 0) {
            return null;
        }
        double spread = MAD_TO_STD * s.mad();
        if (!(spread > 0)) {
            double mean = 0;
            for (double v : sortedFinite) {
                mean += Math.abs(v - s.median());
            }
            spread = 1.2533 * mean / sortedFinite.length;
        }
        if (!(spread > 0)) {
            return new OutlierSummary(0, OUTLIER_BOUND, 0, 0, Double.NaN, 0);
        }
        double maxZ = Math.max(Math.abs(s.max() - s.median()), Math.abs(s.min() - s.median())) / spread;
        long beyond = 0;
        int distinct = 0;
        double repeated = Double.NaN;
        long repeatedCount = 0;
        long run = 0;
        for (int i = 0; i < sortedFinite.length; i++) {
            double v = sortedFinite[i];
            if (Math.abs(v - s.median()) / spread <= OUTLIER_BOUND) {
                continue;
            }
            beyond++;
            boolean same = i > 0 && sortedFinite[i - 1] == v;
            distinct += same ? 0 : 1;
            run = same ? run + 1 : 1;
            if (run > repeatedCount) {
                repeatedCount = run;
                repeated = v;
            }
        }
        return new OutlierSummary(maxZ, OUTLIER_BOUND, beyond, distinct, repeated, repeatedCount);
    }

    private static long distinctInRows(Column c, int[] rows) {
        Set<Object> seen = new HashSet<>();
        for (int r : rows) {
            if (c.isMissing(r)) {
                continue;
            }
            seen.add(c instanceof NumericColumn n ? (Object) n.values()[r] : ((CategoricalColumn) c).codes()[r]);
            if (seen.size() > 1) {
                return seen.size();
            }
        }
        return seen.size();
    }

    private static long distinctText(Column[] parts) {
        Set<String> seen = new HashSet<>();
        for (Column c : parts) {
            CategoricalColumn cat = (CategoricalColumn) c;
            for (int i = 0; i < cat.size() && seen.size() <= ColumnProfile.DISTINCT_CAP; i++) {
                if (!cat.isMissing(i)) {
                    seen.add(cat.valueAt(i));
                }
            }
        }
        return Math.min(seen.size(), ColumnProfile.DISTINCT_CAP);
    }
}
