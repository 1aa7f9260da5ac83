package dev.triage.report.html;

/**
 * Reduces a long series to what a chart can show without losing its shape: per bucket of points the
 * lowest and the highest value are kept in their order, so spikes (a diverging loss, a NaN's last
 * finite value) survive. Only the drawing is reduced; numbers in tables come from the full data.
 */
final class Downsample {
    /** Series longer than this are reduced. */
    static final int LIMIT = 1600;

    private Downsample() {
    }

    /**
     * Indices of the points to draw, in order; -1 marks a break (a point the axis cannot show, such as
     * NaN or a non-positive value on a log axis), which the path turns into a gap.
     */
    static int[] indices(double[] y, Axis axis) {
        int n = y.length;
        int buckets = n > LIMIT ? LIMIT / 2 : n;
        int[] out = new int[3 * buckets];
        int k = 0;
        int start = 0;
        for (int b = 0; b < buckets; b++) {
            int end = (int) ((long) (b + 1) * n / buckets);
            int lowAt = -1;
            int highAt = -1;
            boolean gap = false;
            for (int i = start; i < end; i++) {
                if (!axis.plottable(y[i])) {
                    gap = true;
                    continue;
                }
                if (lowAt < 0 || y[i] < y[lowAt]) {
                    lowAt = i;
                }
                if (highAt < 0 || y[i] > y[highAt]) {
                    highAt = i;
                }
            }
            if (lowAt >= 0) {
                out[k++] = Math.min(lowAt, highAt);
                if (highAt != lowAt) {
                    out[k++] = Math.max(lowAt, highAt);
                }
            }
            if (gap) {
                out[k++] = -1;
            }
            start = end;
        }
        return java.util.Arrays.copyOf(out, k);
    }
}
