package dev.triage.probe;

import dev.triage.data.StreamingStats;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.NumericSummary;
import dev.triage.probe.log.OutlierSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles of a row sample corrected with exact figures from a streaming pass over the whole file(s):
 * counts, missing and infinite values, min, max, mean, standard deviation, distinct values and
 * integrality are exact; quartiles, the median absolute deviation and outlier counts (scaled to the
 * file) come from the sample. Categories unseen in training are not judged: in a sample, rare categories
 * fall outside its training split far more often than in the file's own split.
 */
public final class ExactProfiles {
    private ExactProfiles() {
    }

    /** {@code sampled} with exact column figures and the file's row count; {@code test} may be null. */
    public static DataSignals apply(DataSignals sampled, StreamingStats file, StreamingStats test) {
        long rows = file.rows() + (test == null ? 0 : test.rows());
        List<ColumnProfile> columns = new ArrayList<>();
        for (ColumnProfile p : sampled.columns()) {
            StreamingStats.Column a = file.column(p.name());
            StreamingStats.Column b = test == null ? null : test.column(p.name());
            columns.add(a == null ? p : exact(p, a, b, rows / (double) Math.max(1, p.count())));
        }
        return new DataSignals(sampled.source(), rows, sampled.trainRows(), sampled.validationRows(), sampled.testRows(),
                sampled.separateTestFile(), columns, sampled.classes(), sampled.duplicates(), List.of(),
                sampled.associations(), sampled.shifts(), sampled.rowsWithoutTarget(), sampled.rowsDropped());
    }

    private static ColumnProfile exact(ColumnProfile p, StreamingStats.Column a, StreamingStats.Column b, double scale) {
        long missing = a.missing() + (b == null ? 0 : b.missing());
        long infinite = a.infinite() + (b == null ? 0 : b.infinite());
        long count = a.numbers() + a.missing() + a.infinite() + a.text()
                + (b == null ? 0 : b.numbers() + b.missing() + b.infinite() + b.text());
        if (!p.numeric()) {
            return new ColumnProfile(p.name(), p.target(), false, count, missing, infinite, p.distinct(), p.distinctCapped(),
                    null, null, false, p.constantInTrain());
        }
        NumericSummary s = p.summary();
        NumericSummary merged = s == null ? null : new NumericSummary(min(a, b), s.q25(), s.median(), s.q75(), max(a, b),
                mean(a, b), std(a, b), s.mad());
        OutlierSummary o = p.outliers();
        OutlierSummary scaled = o == null ? null : new OutlierSummary(o.maxRobustZ(), o.bound(), Math.round(o.beyond() * scale),
                o.distinctBeyond(), o.mostRepeated(), Math.round(o.mostRepeatedCount() * scale));
        long distinct = Math.max(a.distinct(), b == null ? 0 : b.distinct());
        return new ColumnProfile(p.name(), p.target(), true, count, missing, infinite,
                Math.min(distinct, ColumnProfile.DISTINCT_CAP), a.distinctCapped() || distinct > ColumnProfile.DISTINCT_CAP,
                merged, scaled, a.integers() && (b == null || b.integers()), p.constantInTrain());
    }

    private static double min(StreamingStats.Column a, StreamingStats.Column b) {
        return b == null || b.numbers() == 0 ? a.min() : Math.min(a.min(), b.min());
    }

    private static double max(StreamingStats.Column a, StreamingStats.Column b) {
        return b == null || b.numbers() == 0 ? a.max() : Math.max(a.max(), b.max());
    }

    private static double mean(StreamingStats.Column a, StreamingStats.Column b) {
        if (b == null || b.numbers() == 0) {
            return a.mean();
        }
        return (a.mean() * a.numbers() + b.mean() * b.numbers()) / (a.numbers() + b.numbers());
    }

    /** Pooled population standard deviation of the two parts. */
    private static double std(StreamingStats.Column a, StreamingStats.Column b) {
        if (b == null || b.numbers() == 0) {
            return a.std();
        }
        double m = mean(a, b);
        double n = a.numbers() + b.numbers();
        double ss = a.numbers() * (a.std() * a.std() + (a.mean() - m) * (a.mean() - m))
                + b.numbers() * (b.std() * b.std() + (b.mean() - m) * (b.mean() - m));
        return Math.sqrt(ss / n);
    }
}
