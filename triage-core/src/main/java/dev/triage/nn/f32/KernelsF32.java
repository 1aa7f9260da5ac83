package dev.triage.nn.f32;

/**
 * Dense matrix kernels over row-major float arrays. Every output element is computed by one thread
 * in a fixed order, so results do not depend on how work is split. Zero multipliers are skipped
 * (ReLU inputs are often half zeros); weights are checked for non-finite values elsewhere.
 */
final class KernelsF32 {
    private KernelsF32() {
    }

    /** out[r, :] = bias + x[r, :] . W for rows [r0, r1); x is rows x in, W (at wOff) is in x out. */
    static void forward(float[] x, int in, float[] params, int wOff, int bOff, int out, float[] result, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            int ro = r * out;
            System.arraycopy(params, bOff, result, ro, out);
            int xo = r * in;
            for (int k = 0; k < in; k++) {
                float a = x[xo + k];
                if (a == 0) {
                    continue;
                }
                int wo = wOff + k * out;
                for (int j = 0; j < out; j++) {
                    result[ro + j] += a * params[wo + j];
                }
            }
        }
    }

    /**
     * Weight gradient rows [k0, k1): grad[k, :] = sum over rows r of x[r, k] * delta[r, :], and the bias
     * gradient (when {@code withBias}) as the column sums of delta.
     */
    static void weightGradient(float[] x, int in, float[] delta, int out, int rows, float[] grads, int wOff,
                               int k0, int k1) {
        for (int k = k0; k < k1; k++) {
            int go = wOff + k * out;
            for (int j = 0; j < out; j++) {
                grads[go + j] = 0;
            }
            for (int r = 0; r < rows; r++) {
                float a = x[r * in + k];
                if (a == 0) {
                    continue;
                }
                int d = r * out;
                for (int j = 0; j < out; j++) {
                    grads[go + j] += a * delta[d + j];
                }
            }
        }
    }

    /** Bias gradient: column sums of delta (rows x out). */
    static void biasGradient(float[] delta, int out, int rows, float[] grads, int bOff) {
        for (int j = 0; j < out; j++) {
            grads[bOff + j] = 0;
        }
        for (int r = 0; r < rows; r++) {
            int d = r * out;
            for (int j = 0; j < out; j++) {
                grads[bOff + j] += delta[d + j];
            }
        }
    }

    /** Input gradient rows [r0, r1): dx[r, k] = sum_j delta[r, j] * W[k, j]. */
    static void inputGradient(float[] delta, int out, float[] params, int wOff, int in, float[] dx, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            int d = r * out;
            for (int k = 0; k < in; k++) {
                int wo = wOff + k * out;
                float s = 0;
                for (int j = 0; j < out; j++) {
                    s += delta[d + j] * params[wo + j];
                }
                dx[r * in + k] = s;
            }
        }
    }
}
