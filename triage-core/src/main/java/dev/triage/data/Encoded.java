package dev.triage.data;

/**
 * A table turned into network inputs: {@code x} is rows x features (row-major); regression targets
 * in scaled units in {@code y} or class indices in {@code labels} (both null without a target).
 * {@code unknownCategories} counts category values never seen in training (encoded as all zeros).
 */
public record Encoded(double[] x, int rows, int features, double[] y, int[] labels, int unknownCategories) {
    /** Number of feature values that are NaN or infinite. */
    public int nonFiniteCount() {
        int n = 0;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                n++;
            }
        }
        return n;
    }
}
