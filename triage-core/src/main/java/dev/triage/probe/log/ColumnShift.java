package dev.triage.probe.log;

/**
 * How differently a numeric feature is distributed in the test rows than in the training rows: the
 * two-sample Kolmogorov-Smirnov statistic and the standardized mean difference (in training stds).
 */
public record ColumnShift(String column, double ks, double meanShift, double stdRatio, long trainRows, long testRows) {
}
