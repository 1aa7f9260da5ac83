package dev.triage.config;

/** An allowed numeric interval, with the wording used in error messages. */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    public static final Range NON_NEGATIVE = new Range(0, true, Double.POSITIVE_INFINITY, false);
    public static final Range POSITIVE = new Range(0, false, Double.POSITIVE_INFINITY, false);
    public static final Range FRACTION = new Range(0, true, 1, false);

    public static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    public static Range of(double min, boolean minInclusive, double max, boolean maxInclusive) {
        return new Range(min, minInclusive, max, maxInclusive);
    }

    public boolean contains(double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        boolean aboveMin = minInclusive ? v >= min : v > min;
        boolean belowMax = maxInclusive ? v <= max : v < max;
        return aboveMin && belowMax;
    }

    /** "&gt; 0 and &lt;= 10", "in [0, 1)", "finite". */
    public String describe() {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        String lo = (minInclusive ? ">= " : "> ") + fmt(min);
        String hi = (maxInclusive ? "<= " : "< ") + fmt(max);
        if (hasMin && hasMax) {
            return lo + " and " + hi;
        }
        return hasMin ? lo : hasMax ? hi : "finite";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
