package dev.triage.nn.f32;

/**
 * The three matrix products of a dense layer over row-major arrays, on a range of rows (or of weight
 * rows), so the caller can split the work over threads. Every output element is computed by one call
 * in a fixed order, so results do not depend on how the range is split. Two implementations: plain
 * Java ({@link ScalarGemmF32}) and the JDK Vector API ({@code VectorGemmF32}), chosen once at start-up.
 */
interface GemmF32 {
    /** out[r, :] = bias + x[r, :] . W for rows [r0, r1); x is rows x in, W (at wOff) is in x out. */
    void forward(float[] x, int in, float[] params, int wOff, int bOff, int out, float[] result, int r0, int r1);

    /** grad[k, :] = sum over rows r of x[r, k] * delta[r, :] for weight rows [k0, k1). */
    void weightGradient(float[] x, int in, float[] delta, int out, int rows, float[] grads, int wOff, int k0, int k1);

    /** dx[r, k] = sum_j delta[r, j] * W[k, j] for rows [r0, r1). */
    void inputGradient(float[] delta, int out, float[] params, int wOff, int in, float[] dx, int r0, int r1);

    /**
     * Sum of the squares of a[from, to) in double precision (the gradient norms); the same order of
     * operations every time, whatever the thread count.
     */
    double sumOfSquares(float[] a, int from, int to);

    /** The Vector API implementation when the JVM has the module and the CPU wide vectors, else plain Java. */
    static GemmF32 best() {
        return GemmChoiceF32.BEST;
    }
}
