package dev.triage.nn.f32;

import dev.triage.config.Optimizer;
import dev.triage.nn.OptimizerSpec;
import dev.triage.nn.ParameterLayout;
import dev.triage.nn.StepStats;
import dev.triage.nn.Tensor;
import dev.triage.nn.WorkerPool;

/**
 * The first-order update rules over the flat parameter array. A step runs in two passes: the first
 * adds the L1/L2 penalty to each weight gradient and measures gradient norms (and non-finite values);
 * after optional gradient normalization, the second applies the rule and measures the update and the
 * new weights. Measuring rides along with arithmetic that has to happen anyway.
 */
final class OptimizerF32 {
    private static final GemmF32 GEMM = GemmF32.best();
    private final OptimizerSpec spec;
    private final ParameterLayout seg;
    /** First-moment / velocity / accumulated squares, as the rule needs. */
    private final float[] m;
    private final float[] v;
    private long t;
    /** Scratch for one segment's squared update and weight norms. */
    private final double[] norms = new double[2];
    /** Adam updates of segments at least this long are split over the worker threads. */
    static final int PARALLEL_MIN = 1 << 16;
    private final WorkerPool pool;
    /** Per-thread squared norms of a split segment, summed in thread order. */
    private final double[] partUpdate;
    private final double[] partWeight;
    private final WorkerPool.RangeTask adamTask = this::adamPart;
    private float[] curP;
    private float[] curG;
    private int curFrom;
    private int curSize;
    private double curRate;
    private double curDecay;
    private double curC1;
    private double curC2;

    /** An optimizer that updates on the calling thread only. */
    OptimizerF32(OptimizerSpec spec, ParameterLayout segments, int size) {
        this(spec, segments, size, new WorkerPool(1));
    }

    OptimizerF32(OptimizerSpec spec, ParameterLayout segments, int size, WorkerPool pool) {
        this.spec = spec;
        this.seg = segments;
        this.pool = pool;
        this.partUpdate = new double[pool.threads()];
        this.partWeight = new double[pool.threads()];
        m = spec.kind().profile().firstMoment() ? new float[size] : null;
        v = spec.kind().profile().secondMoment() ? new float[size] : null;
    }

    OptimizerSpec spec() {
        return spec;
    }

    /**
     * Adds the L1/L2 penalty gradients to the weight gradients (penalty (l2/2)|w|^2 + l1|w|_1, biases and
     * batch-norm parameters exempt) and returns the penalty's value.
     */
    double penalize(float[] p, float[] g) {
        float l1 = (float) spec.l1();
        float l2 = (float) spec.l2();
        if (l1 == 0 && l2 == 0) {
            return 0;
        }
        double penalty = 0;
        for (int s = 0; s < seg.count(); s++) {
            if (!seg.isWeight(s)) {
                continue;
            }
            for (int i = seg.offset(s); i < seg.end(s); i++) {
                float w = p[i];
                g[i] += l2 * w + l1 * Math.signum(w);
                penalty += 0.5 * l2 * w * w + l1 * Math.abs(w);
            }
        }
        return penalty;
    }

    /**
     * Measures each tensor's gradient norm (recording weight gradients per layer), notes the first
     * non-finite gradient in backward order, then applies gradient normalization. False when a
     * gradient is not finite.
     */
    boolean measureAndNormalize(float[] g, StepStats stats) {
        boolean finite = true;
        for (int s = seg.count() - 1; s >= 0; s--) {
            double sq = GEMM.sumOfSquares(g, seg.offset(s), seg.end(s));
            if (!Double.isFinite(sq)) {
                stats.markNonFinite(seg.layer(s), Tensor.GRADIENT);
                finite = false;
            }
            if (seg.isWeight(s)) {
                stats.gradNorm[seg.layer(s)] = Math.sqrt(sq);
            }
            seg.setSquaredNorm(s, sq);
        }
        if (finite) {
            GradientNormalizerF32.apply(spec.normalization(), (float) spec.normalizationThreshold(), g, seg);
        }
        return finite;
    }

    /** Applies the update rule with learning rate {@code lr} (times each layer's scale). */
    void update(float[] p, float[] g, double lr, StepStats stats) {
        t++;
        double c1 = 1 - Math.pow(spec.beta1(), t);
        double c2 = 1 - Math.pow(spec.beta2(), t);
        for (int s = 0; s < seg.count(); s++) {
            double rate = lr * seg.lrScale(s);
            double decay = seg.isWeight(s) ? rate * spec.weightDecay() : 0;
            double[] norms = updateSegment(p, g, seg.offset(s), seg.end(s), rate, decay, c1, c2);
            if (seg.isWeight(s)) {
                int layer = seg.layer(s);
                stats.updateNorm[layer] = Math.sqrt(norms[0]);
                stats.weightNorm[layer] = Math.sqrt(norms[1]);
                if (!Double.isFinite(norms[1])) {
                    stats.markNonFinite(layer, Tensor.WEIGHT);
                }
            }
        }
    }

    private double[] updateSegment(float[] p, float[] g, int from, int to, double rate, double decay, double c1, double c2) {
        if (spec.kind() == Optimizer.ADAM || spec.kind() == Optimizer.ADAMW) {
            if (pool.threads() > 1 && to - from >= PARALLEL_MIN) {
                return adamParallel(p, g, from, to, rate, decay, c1, c2);
            }
            adamSegment(p, g, from, to, rate, decay, c1, c2, norms, 0);
            return norms;
        }
        float lr = (float) rate;
        float wd = (float) decay;
        float mu = (float) spec.momentum();
        float rho = (float) OptimizerSpec.RMSPROP_RHO;
        double du = 0;
        double ww = 0;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float d;
            switch (spec.kind()) {
                case SGD -> d = -lr * gi;
                case MOMENTUM -> {
                    m[i] = mu * m[i] + gi;
                    d = -lr * m[i];
                }
                case NESTEROV -> {
                    m[i] = mu * m[i] + gi;
                    d = -lr * (gi + mu * m[i]);
                }
                case RMSPROP -> {
                    v[i] = rho * v[i] + (1 - rho) * gi * gi;
                    d = (float) (-lr * gi / (Math.sqrt(v[i]) + OptimizerSpec.ADAM_EPSILON));
                }
                default -> {
                    v[i] += gi * gi;
                    d = (float) (-lr * gi / (Math.sqrt(v[i]) + OptimizerSpec.ADAGRAD_EPSILON));
                }
            }
            d -= wd * p[i];
            p[i] += d;
            du += (double) d * d;
            ww += (double) p[i] * p[i];
        }
        norms[0] = du;
        norms[1] = ww;
        return norms;
    }

    /**
     * Adam and AdamW, in a loop of their own with float arithmetic throughout so that the JIT can
     * vectorize it (the most common optimizer, and per step the largest cost after the matrix products).
     */
    private void adamSegment(float[] p, float[] g, int from, int to, double rate, double decay, double c1, double c2,
                             double[] out, int slot) {
        float wd = (float) decay;
        float b1 = (float) spec.beta1();
        float b2 = (float) spec.beta2();
        float ob1 = 1 - b1;
        float ob2 = 1 - b2;
        float ac1 = (float) (rate / c1);
        float sc2 = (float) (1 / Math.sqrt(c2));
        float eps = (float) OptimizerSpec.ADAM_EPSILON;
        float du = 0;
        float ww = 0;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + ob1 * gi;
            float vi = b2 * v[i] + ob2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            float d = -ac1 * mi / ((float) Math.sqrt(vi) * sc2 + eps) - wd * p[i];
            float pi = p[i] + d;
            p[i] = pi;
            du += d * d;
            ww += pi * pi;
        }
        if (out == norms) {
            norms[0] = du;
            norms[1] = ww;
        } else {
            partUpdate[slot] = du;
            partWeight[slot] = ww;
        }
    }

    /** A long Adam segment split over the threads; every element is updated exactly as on one thread. */
    private double[] adamParallel(float[] p, float[] g, int from, int to, double rate, double decay, double c1, double c2) {
        curP = p;
        curG = g;
        curFrom = from;
        curSize = to - from;
        curRate = rate;
        curDecay = decay;
        curC1 = c1;
        curC2 = c2;
        java.util.Arrays.fill(partUpdate, 0);
        java.util.Arrays.fill(partWeight, 0);
        pool.run(adamTask, curSize);
        double du = 0;
        double ww = 0;
        for (int t = 0; t < partUpdate.length; t++) {
            du += partUpdate[t];
            ww += partWeight[t];
        }
        norms[0] = du;
        norms[1] = ww;
        return norms;
    }

    private void adamPart(int from, int to) {
        adamSegment(curP, curG, curFrom + from, curFrom + to, curRate, curDecay, curC1, curC2, partUpdate, part(from));
    }

    /** Which thread's part starts at {@code from} (the pool splits [0, n) into equal contiguous parts). */
    private int part(int from) {
        int threads = partUpdate.length;
        for (int t = 0; t < threads; t++) {
            if ((int) ((long) curSize * t / threads) == from) {
                return t;
            }
        }
        throw new IllegalStateException("no part starts at " + from);
    }

    /** Moments and step count, for checkpoints: [t, m..., v...]. */
    double[] state(double[] reuse) {
        int ml = m == null ? 0 : m.length;
        int vl = v == null ? 0 : v.length;
        double[] out = reuse != null && reuse.length == 1 + ml + vl ? reuse : new double[1 + ml + vl];
        out[0] = t;
        for (int i = 0; i < ml; i++) {
            out[1 + i] = m[i];
        }
        for (int i = 0; i < vl; i++) {
            out[1 + ml + i] = v[i];
        }
        return out;
    }

    void restore(double[] state) {
        int ml = m == null ? 0 : m.length;
        int vl = v == null ? 0 : v.length;
        if (state.length != 1 + ml + vl) {
            throw new IllegalArgumentException("optimizer state has " + state.length + " values, expected " + (1 + ml + vl));
        }
        t = (long) state[0];
        for (int i = 0; i < ml; i++) {
            m[i] = (float) state[1 + i];
        }
        for (int i = 0; i < vl; i++) {
            v[i] = (float) state[1 + ml + i];
        }
    }
}
