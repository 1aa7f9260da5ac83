package dev.triage.nn.f32;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix kernels on the JDK Vector API: register-blocked so that each weight vector loaded is used for
 * four rows (forward), and each gradient row of four weight rows is accumulated in registers over the
 * whole batch (weight gradient). Columns beyond the last full vector are done in plain Java.
 */
final class VectorGemmF32 implements GemmF32 {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    int lanes() {
        return L;
    }

    @Override
    public void forward(float[] x, int in, float[] w, int wOff, int bOff, int out, float[] z, int r0, int r1) {
        int jv = out - out % L;
        int r = r0;
        for (; r + 4 <= r1; r += 4) {
            for (int j = 0; j < jv; j += L) {
                forward4(x, in, w, wOff, bOff, out, z, r, j);
            }
        }
        for (; r < r1; r++) {
            for (int j = 0; j < jv; j += L) {
                FloatVector acc = FloatVector.fromArray(S, w, bOff + j);
                for (int k = 0; k < in; k++) {
                    acc = FloatVector.fromArray(S, w, wOff + k * out + j).fma(FloatVector.broadcast(S, x[r * in + k]), acc);
                }
                acc.intoArray(z, r * out + j);
            }
        }
        if (jv < out) {
            forwardTail(x, in, w, wOff, bOff, out, z, r0, r1, jv);
        }
    }

    /** Columns [jv, out) in the plain order: contiguous over the output row. */
    private static void forwardTail(float[] x, int in, float[] w, int wOff, int bOff, int out, float[] z, int r0, int r1, int jv) {
        for (int r = r0; r < r1; r++) {
            int ro = r * out;
            for (int j = jv; j < out; j++) {
                z[ro + j] = w[bOff + j];
            }
            for (int k = 0; k < in; k++) {
                float a = x[r * in + k];
                int wo = wOff + k * out;
                for (int j = jv; j < out; j++) {
                    z[ro + j] += a * w[wo + j];
                }
            }
        }
    }

    private static void forward4(float[] x, int in, float[] w, int wOff, int bOff, int out, float[] z, int r, int j) {
        FloatVector bias = FloatVector.fromArray(S, w, bOff + j);
        FloatVector a0 = bias;
        FloatVector a1 = bias;
        FloatVector a2 = bias;
        FloatVector a3 = bias;
        int x0 = r * in;
        for (int k = 0; k < in; k++) {
            FloatVector wv = FloatVector.fromArray(S, w, wOff + k * out + j);
            a0 = wv.fma(FloatVector.broadcast(S, x[x0 + k]), a0);
            a1 = wv.fma(FloatVector.broadcast(S, x[x0 + in + k]), a1);
            a2 = wv.fma(FloatVector.broadcast(S, x[x0 + 2 * in + k]), a2);
            a3 = wv.fma(FloatVector.broadcast(S, x[x0 + 3 * in + k]), a3);
        }
        a0.intoArray(z, r * out + j);
        a1.intoArray(z, (r + 1) * out + j);
        a2.intoArray(z, (r + 2) * out + j);
        a3.intoArray(z, (r + 3) * out + j);
    }

    @Override
    public void weightGradient(float[] x, int in, float[] delta, int out, int rows, float[] g, int wOff, int k0, int k1) {
        int jv = out - out % L;
        int k = k0;
        for (; k + 4 <= k1; k += 4) {
            for (int j = 0; j < jv; j += L) {
                gradient4(x, in, delta, out, rows, g, wOff, k, j);
            }
        }
        for (; k < k1; k++) {
            for (int j = 0; j < jv; j += L) {
                FloatVector acc = FloatVector.zero(S);
                for (int r = 0; r < rows; r++) {
                    acc = FloatVector.fromArray(S, delta, r * out + j).fma(FloatVector.broadcast(S, x[r * in + k]), acc);
                }
                acc.intoArray(g, wOff + k * out + j);
            }
        }
        if (jv < out) {
            gradientTail(x, in, delta, out, rows, g, wOff, k0, k1, jv);
        }
    }

    /** Columns [jv, out) in the plain order: rows outermost, contiguous over the gradient row. */
    private static void gradientTail(float[] x, int in, float[] delta, int out, int rows, float[] g, int wOff, int k0, int k1,
                                     int jv) {
        for (int k = k0; k < k1; k++) {
            for (int j = jv; j < out; j++) {
                g[wOff + k * out + j] = 0;
            }
        }
        for (int r = 0; r < rows; r++) {
            int d = r * out;
            for (int k = k0; k < k1; k++) {
                float a = x[r * in + k];
                int go = wOff + k * out;
                for (int j = jv; j < out; j++) {
                    g[go + j] += a * delta[d + j];
                }
            }
        }
    }

    private static void gradient4(float[] x, int in, float[] delta, int out, int rows, float[] g, int wOff, int k, int j) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int r = 0; r < rows; r++) {
            FloatVector d = FloatVector.fromArray(S, delta, r * out + j);
            int xo = r * in + k;
            a0 = d.fma(FloatVector.broadcast(S, x[xo]), a0);
            a1 = d.fma(FloatVector.broadcast(S, x[xo + 1]), a1);
            a2 = d.fma(FloatVector.broadcast(S, x[xo + 2]), a2);
            a3 = d.fma(FloatVector.broadcast(S, x[xo + 3]), a3);
        }
        a0.intoArray(g, wOff + k * out + j);
        a1.intoArray(g, wOff + (k + 1) * out + j);
        a2.intoArray(g, wOff + (k + 2) * out + j);
        a3.intoArray(g, wOff + (k + 3) * out + j);
    }

    @Override
    public void inputGradient(float[] delta, int out, float[] w, int wOff, int in, float[] dx, int r0, int r1) {
        int jv = out - out % L;
        for (int r = r0; r < r1; r++) {
            int d = r * out;
            for (int k = 0; k < in; k++) {
                int wo = wOff + k * out;
                FloatVector acc = FloatVector.zero(S);
                for (int j = 0; j < jv; j += L) {
                    acc = FloatVector.fromArray(S, w, wo + j).fma(FloatVector.fromArray(S, delta, d + j), acc);
                }
                float s = jv > 0 ? acc.reduceLanes(VectorOperators.ADD) : 0;
                for (int j = jv; j < out; j++) {
                    s += delta[d + j] * w[wo + j];
                }
                dx[r * in + k] = s;
            }
        }
    }
}
