package dev.triage.probe.log;

/** Order statistics and moments of a numeric column's finite values; {@code mad} is the median absolute deviation. */
public record NumericSummary(double min, double q25, double median, double q75, double max, double mean, double std,
                             double mad) {
    /** Largest absolute value. */
    public double magnitude() {
        return Math.max(Math.abs(min), Math.abs(max));
    }
}
