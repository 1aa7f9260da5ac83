package dev.triage.probe.log;

/**
 * One column of the data: counts over all rows used (training file and test file), numeric summary
 * and outliers (null for text columns), whether every finite value is an integer, and whether it has a
 * single value in the training split.
 * {@code distinct} is capped at {@link #DISTINCT_CAP} (then {@code distinctCapped}).
 */
public record ColumnProfile(String name, boolean target, boolean numeric, long count, long missing, long infinite,
                            long distinct, boolean distinctCapped, NumericSummary summary, OutlierSummary outliers,
                            boolean integers, boolean constantInTrain) {
    public static final int DISTINCT_CAP = 10_000;

    /** Missing, NaN and infinite values together. */
    public long nonFinite() {
        return missing + infinite;
    }
}
