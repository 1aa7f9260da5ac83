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
    private static final ScalarGemmF32 SCALAR = new ScalarGemmF32();

    int lanes() {
        return L;
    }

    @Override
    public void forward(float[] x, int in, float[] w, int wOff, int bOff, int out, float[] z, int r0, int r1) {
        int jv = out - out % L;
        int rb = r0 + (r1 - r0) / 4 * 4;
        // column blocks outermost: a block's slice of the weights (in x 2 vectors) stays in cache while
        // every group of four rows streams past it, instead of all the weights once per group of rows
        int jb = 0;
        for (; jb + 3 * L <= jv; jb += 3 * L) {
            for (int r = r0; r < rb; r += 4) {
                forward4x3(x, in, w, wOff, bOff, out, z, r, jb);
            }
        }
        for (; jb + 2 * L <= jv; jb += 2 * L) {
            for (int r = r0; r < rb; r += 4) {
                forward4x2(x, in, w, wOff, bOff, out, z, r, jb);
            }
        }
        for (; jb < jv; jb += L) {
            for (int r = r0; r < rb; r += 4) {
                forward4(x, in, w, wOff, bOff, out, z, r, jb);
            }
        }
        for (int r = rb; r < r1; r++) {
            for (int j = 0; j < jv; j += L) {
                FloatVector acc = FloatVector.fromArray(S, w, bOff + j);
                for (int k = 0; k < in; k++) {
                    acc = FloatVector.fromArray(S, w, wOff + k * out + j).fma(FloatVector.broadcast(S, x[r * in + k]), acc);
                }
                acc.intoArray(z, r * out + j);
            }
        }
        if (jv < out) {
            VectorTailsF32.forward(x, in, w, wOff, bOff, out, z, r0, r1, jv);
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

    /** Four rows by three vectors of columns: twelve accumulators, seven loads per twelve multiply-adds. */
    private static void forward4x3(float[] x, int in, float[] w, int wOff, int bOff, int out, float[] z, int r, int j) {
        FloatVector b0 = FloatVector.fromArray(S, w, bOff + j);
        FloatVector b1 = FloatVector.fromArray(S, w, bOff + j + L);
        FloatVector b2 = FloatVector.fromArray(S, w, bOff + j + 2 * L);
        FloatVector a00 = b0;
        FloatVector a01 = b1;
        FloatVector a02 = b2;
        FloatVector a10 = b0;
        FloatVector a11 = b1;
        FloatVector a12 = b2;
        FloatVector a20 = b0;
        FloatVector a21 = b1;
        FloatVector a22 = b2;
        FloatVector a30 = b0;
        FloatVector a31 = b1;
        FloatVector a32 = b2;
        int x0 = r * in;
        for (int k = 0; k < in; k++) {
            int wo = wOff + k * out + j;
            FloatVector w0 = FloatVector.fromArray(S, w, wo);
            FloatVector w1 = FloatVector.fromArray(S, w, wo + L);
            FloatVector w2 = FloatVector.fromArray(S, w, wo + 2 * L);
            FloatVector v = FloatVector.broadcast(S, x[x0 + k]);
            a00 = w0.fma(v, a00);
            a01 = w1.fma(v, a01);
            a02 = w2.fma(v, a02);
            v = FloatVector.broadcast(S, x[x0 + in + k]);
            a10 = w0.fma(v, a10);
            a11 = w1.fma(v, a11);
            a12 = w2.fma(v, a12);
            v = FloatVector.broadcast(S, x[x0 + 2 * in + k]);
            a20 = w0.fma(v, a20);
            a21 = w1.fma(v, a21);
            a22 = w2.fma(v, a22);
            v = FloatVector.broadcast(S, x[x0 + 3 * in + k]);
            a30 = w0.fma(v, a30);
            a31 = w1.fma(v, a31);
            a32 = w2.fma(v, a32);
        }
        int zo = r * out + j;
        store3(z, zo, a00, a01, a02);
        store3(z, zo + out, a10, a11, a12);
        store3(z, zo + 2 * out, a20, a21, a22);
        store3(z, zo + 3 * out, a30, a31, a32);
    }

    private static void store3(float[] z, int at, FloatVector a, FloatVector b, FloatVector c) {
        a.intoArray(z, at);
        b.intoArray(z, at + L);
        c.intoArray(z, at + 2 * L);
    }

    /** Four rows by two vectors of columns: eight accumulators, six loads per eight multiply-adds. */
    private static void forward4x2(float[] x, int in, float[] w, int wOff, int bOff, int out, float[] z, int r, int j) {
        FloatVector b0 = FloatVector.fromArray(S, w, bOff + j);
        FloatVector b1 = FloatVector.fromArray(S, w, bOff + j + L);
        FloatVector a00 = b0;
        FloatVector a01 = b1;
        FloatVector a10 = b0;
        FloatVector a11 = b1;
        FloatVector a20 = b0;
        FloatVector a21 = b1;
        FloatVector a30 = b0;
        FloatVector a31 = b1;
        int x0 = r * in;
        for (int k = 0; k < in; k++) {
            int wo = wOff + k * out + j;
            FloatVector w0 = FloatVector.fromArray(S, w, wo);
            FloatVector w1 = FloatVector.fromArray(S, w, wo + L);
            FloatVector x0v = FloatVector.broadcast(S, x[x0 + k]);
            a00 = w0.fma(x0v, a00);
            a01 = w1.fma(x0v, a01);
            FloatVector x1v = FloatVector.broadcast(S, x[x0 + in + k]);
            a10 = w0.fma(x1v, a10);
            a11 = w1.fma(x1v, a11);
            FloatVector x2v = FloatVector.broadcast(S, x[x0 + 2 * in + k]);
            a20 = w0.fma(x2v, a20);
            a21 = w1.fma(x2v, a21);
            FloatVector x3v = FloatVector.broadcast(S, x[x0 + 3 * in + k]);
            a30 = w0.fma(x3v, a30);
            a31 = w1.fma(x3v, a31);
        }
        int zo = r * out + j;
        a00.intoArray(z, zo);
        a01.intoArray(z, zo + L);
        a10.intoArray(z, zo + out);
        a11.intoArray(z, zo + out + L);
        a20.intoArray(z, zo + 2 * out);
        a21.intoArray(z, zo + 2 * out + L);
        a30.intoArray(z, zo + 3 * out);
        a31.intoArray(z, zo + 3 * out + L);
    }

    @Override
    public void weightGradient(float[] x, int in, float[] delta, int out, int rows, float[] g, int wOff, int k0, int k1) {
        int jv = out - out % L;
        int k = k0;
        for (; k + 4 <= k1; k += 4) {
            int j = 0;
            for (; j + 3 * L <= jv; j += 3 * L) {
                gradient4x3(x, in, delta, out, rows, g, wOff, k, j);
            }
            for (; j + 2 * L <= jv; j += 2 * L) {
                gradient4x2(x, in, delta, out, rows, g, wOff, k, j);
            }
            for (; j < jv; j += L) {
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
            VectorTailsF32.weightGradient(x, in, delta, out, rows, g, wOff, k0, k1, jv);
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

    /** Four weight rows by three vectors of columns, accumulated over the batch in twelve registers. */
    private static void gradient4x3(float[] x, int in, float[] delta, int out, int rows, float[] g, int wOff, int k, int j) {
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = a00;
        FloatVector a02 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a12 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a22 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        FloatVector a32 = a00;
        for (int r = 0; r < rows; r++) {
            int dOff = r * out + j;
            FloatVector d0 = FloatVector.fromArray(S, delta, dOff);
            FloatVector d1 = FloatVector.fromArray(S, delta, dOff + L);
            FloatVector d2 = FloatVector.fromArray(S, delta, dOff + 2 * L);
            int xo = r * in + k;
            FloatVector v = FloatVector.broadcast(S, x[xo]);
            a00 = d0.fma(v, a00);
            a01 = d1.fma(v, a01);
            a02 = d2.fma(v, a02);
            v = FloatVector.broadcast(S, x[xo + 1]);
            a10 = d0.fma(v, a10);
            a11 = d1.fma(v, a11);
            a12 = d2.fma(v, a12);
            v = FloatVector.broadcast(S, x[xo + 2]);
            a20 = d0.fma(v, a20);
            a21 = d1.fma(v, a21);
            a22 = d2.fma(v, a22);
            v = FloatVector.broadcast(S, x[xo + 3]);
            a30 = d0.fma(v, a30);
            a31 = d1.fma(v, a31);
            a32 = d2.fma(v, a32);
        }
        int go = wOff + k * out + j;
        store3(g, go, a00, a01, a02);
        store3(g, go + out, a10, a11, a12);
        store3(g, go + 2 * out, a20, a21, a22);
        store3(g, go + 3 * out, a30, a31, a32);
    }

    /** Four weight rows by two vectors of columns, accumulated over the batch in registers. */
    private static void gradient4x2(float[] x, int in, float[] delta, int out, int rows, float[] g, int wOff, int k, int j) {
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        for (int r = 0; r < rows; r++) {
            int dOff = r * out + j;
            FloatVector d0 = FloatVector.fromArray(S, delta, dOff);
            FloatVector d1 = FloatVector.fromArray(S, delta, dOff + L);
            int xo = r * in + k;
            FloatVector x0v = FloatVector.broadcast(S, x[xo]);
            a00 = d0.fma(x0v, a00);
            a01 = d1.fma(x0v, a01);
            FloatVector x1v = FloatVector.broadcast(S, x[xo + 1]);
            a10 = d0.fma(x1v, a10);
            a11 = d1.fma(x1v, a11);
            FloatVector x2v = FloatVector.broadcast(S, x[xo + 2]);
            a20 = d0.fma(x2v, a20);
            a21 = d1.fma(x2v, a21);
            FloatVector x3v = FloatVector.broadcast(S, x[xo + 3]);
            a30 = d0.fma(x3v, a30);
            a31 = d1.fma(x3v, a31);
        }
        int go = wOff + k * out + j;
        a00.intoArray(g, go);
        a01.intoArray(g, go + L);
        a10.intoArray(g, go + out);
        a11.intoArray(g, go + out + L);
        a20.intoArray(g, go + 2 * out);
        a21.intoArray(g, go + 2 * out + L);
        a30.intoArray(g, go + 3 * out);
        a31.intoArray(g, go + 3 * out + L);
    }

    @Override
    public void inputGradient(float[] delta, int out, float[] w, int wOff, int in, float[] dx, int r0, int r1) {
        int jv = out - out % L;
        int rb = r0 + (r1 - r0) / 2 * 2;
        // weight rows outermost: four of them stay in cache while every pair of delta rows passes
        int kb = 0;
        for (; kb + 4 <= in; kb += 4) {
            for (int r = r0; r < rb; r += 2) {
                inputGradient2x4(delta, out, w, wOff, in, dx, r, kb, jv);
            }
        }
        for (; kb < in; kb++) {
            for (int r = r0; r < rb; r++) {
                dx[r * in + kb] = dot(delta, r * out, w, wOff + kb * out, out, jv);
            }
        }
        for (int r = rb; r < r1; r++) {
            for (int k = 0; k < in; k++) {
                dx[r * in + k] = dot(delta, r * out, w, wOff + k * out, out, jv);
            }
        }
    }

    /** One element of the input gradient: a dot product of a delta row and a weight row. */
    private static float dot(float[] delta, int d, float[] w, int wo, int out, int jv) {
        FloatVector acc = FloatVector.zero(S);
        for (int j = 0; j < jv; j += L) {
            acc = FloatVector.fromArray(S, w, wo + j).fma(FloatVector.fromArray(S, delta, d + j), acc);
        }
        return finish(acc, delta, d, w, wo, out, jv);
    }

    /**
     * Two rows by four inputs: each delta vector is used for four weight rows and each weight vector
     * for two delta rows (six loads per eight multiply-adds); lanes are summed once per element.
     */
    private static void inputGradient2x4(float[] delta, int out, float[] w, int wOff, int in, float[] dx, int r, int k, int jv) {
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = a00;
        FloatVector a02 = a00;
        FloatVector a03 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a12 = a00;
        FloatVector a13 = a00;
        int d0 = r * out;
        int d1 = d0 + out;
        int w0 = wOff + k * out;
        for (int j = 0; j < jv; j += L) {
            FloatVector e0 = FloatVector.fromArray(S, delta, d0 + j);
            FloatVector e1 = FloatVector.fromArray(S, delta, d1 + j);
            FloatVector v0 = FloatVector.fromArray(S, w, w0 + j);
            a00 = v0.fma(e0, a00);
            a10 = v0.fma(e1, a10);
            FloatVector v1 = FloatVector.fromArray(S, w, w0 + out + j);
            a01 = v1.fma(e0, a01);
            a11 = v1.fma(e1, a11);
            FloatVector v2 = FloatVector.fromArray(S, w, w0 + 2 * out + j);
            a02 = v2.fma(e0, a02);
            a12 = v2.fma(e1, a12);
            FloatVector v3 = FloatVector.fromArray(S, w, w0 + 3 * out + j);
            a03 = v3.fma(e0, a03);
            a13 = v3.fma(e1, a13);
        }
        int o0 = r * in + k;
        int o1 = o0 + in;
        dx[o0] = finish(a00, delta, d0, w, w0, out, jv);
        dx[o0 + 1] = finish(a01, delta, d0, w, w0 + out, out, jv);
        dx[o0 + 2] = finish(a02, delta, d0, w, w0 + 2 * out, out, jv);
        dx[o0 + 3] = finish(a03, delta, d0, w, w0 + 3 * out, out, jv);
        dx[o1] = finish(a10, delta, d1, w, w0, out, jv);
        dx[o1 + 1] = finish(a11, delta, d1, w, w0 + out, out, jv);
        dx[o1 + 2] = finish(a12, delta, d1, w, w0 + 2 * out, out, jv);
        dx[o1 + 3] = finish(a13, delta, d1, w, w0 + 3 * out, out, jv);
    }

    /** Sums the lanes, then adds the columns beyond the last full vector in plain order. */
    private static float finish(FloatVector acc, float[] delta, int d, float[] w, int wo, int out, int jv) {
        float s = jv > 0 ? acc.reduceLanes(VectorOperators.ADD) : 0;
        for (int j = jv; j < out; j++) {
            s += delta[d + j] * w[wo + j];
        }
        return s;
    }

    /**
     * Lanes of squares summed in float for at most 64 vectors, then added to a double total; if that
     * overflows the float range (gradients beyond 1e19), the plain double sum decides instead.
     */
    @Override
    public double sumOfSquares(float[] a, int from, int to) {
        double total = 0;
        int i = from;
        int full = from + (to - from) / L * L;
        while (i < full) {
            int end = Math.min(full, i + 64 * L);
            FloatVector acc = FloatVector.zero(S);
            for (; i < end; i += L) {
                FloatVector v = FloatVector.fromArray(S, a, i);
                acc = v.fma(v, acc);
            }
            total += acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < to; i++) {
            total += (double) a[i] * a[i];
        }
        if (Double.isInfinite(total)) {
            return SCALAR.sumOfSquares(a, from, to);
        }
        return total;
    }
}
