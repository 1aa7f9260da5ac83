package dev.triage.nn.f32;

/**
 * Plain-Java matrix kernels, written so the JIT can vectorize the inner loops (contiguous a*x + y
 * over an output row). Zero multipliers are skipped: ReLU inputs are often half zeros.
 */
final class ScalarGemmF32 implements GemmF32 {
    @Override
    public void forward(float[] x, int in, float[] params, int wOff, int bOff, int out, float[] result, int r0, int r1) {
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

    @Override
    public void weightGradient(float[] x, int in, float[] delta, int out, int rows, float[] grads, int wOff, int k0, int k1) {
        for (int k = k0; k < k1; k++) {
            int go = wOff + k * out;
            for (int j = 0; j < out; j++) {
                grads[go + j] = 0;
            }
        }
        for (int r = 0; r < rows; r++) {
            int d = r * out;
            int xo = r * in;
            for (int k = k0; k < k1; k++) {
                float a = x[xo + k];
                if (a == 0) {
                    continue;
                }
                int go = wOff + k * out;
                for (int j = 0; j < out; j++) {
                    grads[go + j] += a * delta[d + j];
                }
            }
        }
    }

    @Override
    public void inputGradient(float[] delta, int out, float[] params, int wOff, int in, float[] dx, int r0, int r1) {
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

    /** Four independent double sums (combined in a fixed order), so the adds do not wait on each other. */
    @Override
    public double sumOfSquares(float[] g, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            s0 += (double) g[i] * g[i];
            s1 += (double) g[i + 1] * g[i + 1];
            s2 += (double) g[i + 2] * g[i + 2];
            s3 += (double) g[i + 3] * g[i + 3];
        }
        for (; i < to; i++) {
            s0 += (double) g[i] * g[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
