package dev.triage.data;

/** A numeric column; a missing token is stored as NaN, infinities as they are. */
public record NumericColumn(String name, double[] values) implements Column {
    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int i) {
        return !Double.isFinite(values[i]);
    }

    @Override
    public NumericColumn select(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new NumericColumn(name, out);
    }

    /** Rows that are NaN (missing tokens included). */
    public int nanCount() {
        int n = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** Rows that are +Inf or -Inf. */
    public int infiniteCount() {
        int n = 0;
        for (double v : values) {
            if (Double.isInfinite(v)) {
                n++;
            }
        }
        return n;
    }
}
