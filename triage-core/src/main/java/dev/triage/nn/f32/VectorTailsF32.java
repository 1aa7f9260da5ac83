package dev.triage.nn.f32;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The columns of a product beyond the last full vector: all of an output layer narrower than a
 * vector (ten classes), or the remainder of a wider one. Every element is summed in the same order as
 * in {@link VectorGemmF32}'s main kernels, with fused multiply-adds, so a split of the work between
 * threads never changes a result.
 */
final class VectorTailsF32 {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorTailsF32() {
    }

    /**
     * Columns [jv, out), fewer than a vector (all of an output layer with ten classes): four rows by
     * two columns at a time, eight independent sums in registers, each over k in order with fused
     * multiply-adds (as in every other path, so a split of the rows does not change a result).
     */
    static void forward(float[] x, int in, float[] w, int wOff, int bOff, int out, float[] z, int r0, int r1, int jv) {
        int r = r0;
        for (; r + 4 <= r1; r += 4) {
            int j = jv;
            for (; j + 2 <= out; j += 2) {
                forwardTail4x2(x, in, w, wOff, bOff, out, z, r, j);
            }
            for (; j < out; j++) {
                for (int rr = r; rr < r + 4; rr++) {
                    z[rr * out + j] = column(x, in, w, wOff, w[bOff + j], out, rr, j);
                }
            }
        }
        for (; r < r1; r++) {
            for (int j = jv; j < out; j++) {
                z[r * out + j] = column(x, in, w, wOff, w[bOff + j], out, r, j);
            }
        }
    }

    private static float column(float[] x, int in, float[] w, int wOff, float bias, int out, int r, int j) {
        float a = bias;
        for (int k = 0; k < in; k++) {
            a = Math.fma(x[r * in + k], w[wOff + k * out + j], a);
        }
        return a;
    }

    private static void forwardTail4x2(float[] x, int in, float[] w, int wOff, int bOff, int out, float[] z, int r, int j) {
        float b0 = w[bOff + j];
        float b1 = w[bOff + j + 1];
        float a00 = b0;
        float a01 = b1;
        float a10 = b0;
        float a11 = b1;
        float a20 = b0;
        float a21 = b1;
        float a30 = b0;
        float a31 = b1;
        int x0 = r * in;
        for (int k = 0; k < in; k++) {
            int wo = wOff + k * out + j;
            float w0 = w[wo];
            float w1 = w[wo + 1];
            float v0 = x[x0 + k];
            float v1 = x[x0 + in + k];
            float v2 = x[x0 + 2 * in + k];
            float v3 = x[x0 + 3 * in + k];
            a00 = Math.fma(v0, w0, a00);
            a01 = Math.fma(v0, w1, a01);
            a10 = Math.fma(v1, w0, a10);
            a11 = Math.fma(v1, w1, a11);
            a20 = Math.fma(v2, w0, a20);
            a21 = Math.fma(v2, w1, a21);
            a30 = Math.fma(v3, w0, a30);
            a31 = Math.fma(v3, w1, a31);
        }
        int zo = r * out + j;
        z[zo] = a00;
        z[zo + 1] = a01;
        z[zo + out] = a10;
        z[zo + out + 1] = a11;
        z[zo + 2 * out] = a20;
        z[zo + 2 * out + 1] = a21;
        z[zo + 3 * out] = a30;
        z[zo + 3 * out + 1] = a31;
    }

    /**
     * Columns [jv, out), fewer than a vector (an output layer of ten classes): vectors run along the
     * weight rows instead, L rows of the gradient at a time from contiguous input rows, four columns
     * per pass over the batch; each element is still summed over rows in order.
     */
    static void weightGradient(float[] x, int in, float[] delta, int out, int rows, float[] g, int wOff, int k0, int k1,
                                     int jv) {
        int k = k0;
        for (; k + L <= k1; k += L) {
            int j = jv;
            for (; j + 4 <= out; j += 4) {
                FloatVector a0 = FloatVector.zero(S);
                FloatVector a1 = a0;
                FloatVector a2 = a0;
                FloatVector a3 = a0;
                for (int r = 0; r < rows; r++) {
                    FloatVector xv = FloatVector.fromArray(S, x, r * in + k);
                    int d = r * out + j;
                    a0 = xv.fma(FloatVector.broadcast(S, delta[d]), a0);
                    a1 = xv.fma(FloatVector.broadcast(S, delta[d + 1]), a1);
                    a2 = xv.fma(FloatVector.broadcast(S, delta[d + 2]), a2);
                    a3 = xv.fma(FloatVector.broadcast(S, delta[d + 3]), a3);
                }
                for (int i = 0; i < L; i++) {
                    int go = wOff + (k + i) * out + j;
                    g[go] = a0.lane(i);
                    g[go + 1] = a1.lane(i);
                    g[go + 2] = a2.lane(i);
                    g[go + 3] = a3.lane(i);
                }
            }
            for (; j < out; j++) {
                FloatVector a = FloatVector.zero(S);
                for (int r = 0; r < rows; r++) {
                    a = FloatVector.fromArray(S, x, r * in + k).fma(FloatVector.broadcast(S, delta[r * out + j]), a);
                }
                for (int i = 0; i < L; i++) {
                    g[wOff + (k + i) * out + j] = a.lane(i);
                }
            }
        }
        for (; k < k1; k++) {
            for (int j = jv; j < out; j++) {
                float a = 0;
                for (int r = 0; r < rows; r++) {
                    // fused like the vector lanes, so a row's result does not depend on where a split falls
                    a = Math.fma(x[r * in + k], delta[r * out + j], a);
                }
                g[wOff + k * out + j] = a;
            }
        }
    }
}
