package dev.triage.nn.f32;

import dev.triage.config.Activation;
import dev.triage.nn.LayerSpec;
import dev.triage.nn.Seeds;
import dev.triage.nn.WorkerPool;

/**
 * One dense layer's buffers and passes. Parameters live in the network's flat array at this layer's
 * offsets: weights (in x out, row-major), bias, and with batch norm its scale and shift. Buffers are
 * sized once for the largest batch.
 */
final class LayerF32 {
    static final double BN_EPSILON = 1e-5;
    private static final GemmF32 GEMM = GemmF32.best();
    static final double BN_MOMENTUM = 0.1;

    final int index;
    final int in;
    final int out;
    final Activation activation;
    final float slope;
    final double dropout;
    final boolean batchNorm;
    final double lrScale;
    final int wOff;
    final int bOff;
    final int gammaOff;
    final int betaOff;
    /** Input to the activation (after batch norm when present). */
    final float[] pre;
    /** Activation output before dropout. */
    final float[] act;
    /** What the next layer reads: act with dropout applied (the same array without dropout). */
    final float[] output;
    /** Gradient with respect to this layer's output; turned in place into the pre-activation gradient. */
    final float[] grad;
    final float[] mask;
    /** One value per unit, for probes (largest pre-activation over a batch). */
    final float[] unitScratch;
    final BatchNormF32 norm;
    /** Whether the last forward pass applied a dropout mask (backward must then apply it too). */
    private boolean masked;
    /**
     * Multiply-adds below which a matrix product runs on the calling thread only: waking a worker and
     * waiting for it costs about 10-20 microseconds, the time of ~1M vectorized multiply-adds.
     */
    static final long PARALLEL_MIN = 1 << 20;
    private final WorkerPool pool;
    private final float[] linear;
    // operands of the current pass, read by the preallocated tasks below (no allocation per call)
    private float[] curX;
    private float[] curParams;
    private float[] curGrads;
    private float[] curDx;
    private int curRows;
    private final WorkerPool.RangeTask forwardTask;
    private final WorkerPool.RangeTask weightGradientTask;
    private final WorkerPool.RangeTask inputGradientTask;
    /**
     * Outputs up to which the input gradient is computed as a product with the transposed weights:
     * short rows make the direct form a series of short dot products, each ending in a lane sum.
     */
    static final int TRANSPOSE_MAX_OUT = 64;
    /** Side of the square blocks the weights are transposed in, so both sides stay in cache. */
    private static final int TILE = 32;
    /** The weights transposed (out x in), followed by in zeros that serve as the product's bias; or null. */
    private final float[] weightsT;
    private final WorkerPool.RangeTask transposedInputGradientTask;

    LayerF32(int index, int in, LayerSpec spec, float slope, int offset, int capacity, WorkerPool pool) {
        this.index = index;
        this.in = in;
        this.out = spec.units();
        this.activation = spec.activation();
        this.slope = slope;
        this.dropout = spec.dropout();
        this.batchNorm = spec.batchNorm();
        this.lrScale = spec.learningRateScale();
        this.wOff = offset;
        this.bOff = wOff + in * out;
        this.gammaOff = bOff + out;
        this.betaOff = batchNorm ? gammaOff + out : gammaOff;
        int size = capacity * out;
        pre = new float[size];
        act = new float[size];
        output = dropout > 0 ? new float[size] : act;
        grad = new float[size];
        mask = dropout > 0 ? new float[size] : null;
        unitScratch = new float[out];
        norm = batchNorm ? new BatchNormF32(out, capacity) : null;
        this.pool = pool;
        this.linear = batchNorm ? norm.raw : pre;
        forwardTask = (a, b) -> GEMM.forward(curX, this.in, curParams, wOff, bOff, this.out, linear, a, b);
        weightsT = index > 0 && out <= TRANSPOSE_MAX_OUT ? new float[out * in + in] : null;
        transposedInputGradientTask = (a, b) -> GEMM.forward(grad, this.out, weightsT, 0, this.out * this.in, this.in, curDx,
                a, b);
        weightGradientTask = (a, b) -> GEMM.weightGradient(curX, this.in, grad, this.out, curRows, curGrads, wOff, a, b);
        inputGradientTask = (a, b) -> GEMM.inputGradient(grad, this.out, curParams, wOff, this.in, curDx, a, b);
    }

    private boolean parallel(int rows) {
        return pool.threads() > 1 && (long) rows * in * out >= PARALLEL_MIN;
    }

    /** Parameters of this layer. */
    int parameterCount() {
        return in * out + out + (batchNorm ? 2 * out : 0);
    }

    /** Index just past this layer's parameters. */
    int end() {
        return wOff + parameterCount();
    }

    /**
     * Forward pass of {@code rows} rows of {@code x}. {@code batchStats}: batch norm normalizes with the
     * batch's statistics (training) rather than the running ones; {@code withDropout}: draw the mask of
     * {@code step}; {@code updateRunning}: update batch norm's running statistics.
     */
    void forward(float[] params, float[] x, int rows, boolean batchStats, boolean withDropout, boolean updateRunning,
                 long maskSeed, long step) {
        curX = x;
        curParams = params;
        if (parallel(rows)) {
            pool.run(forwardTask, rows);
        } else {
            GEMM.forward(x, in, params, wOff, bOff, out, linear, 0, rows);
        }
        if (batchNorm) {
            norm.forward(params, gammaOff, betaOff, rows, batchStats, updateRunning, pre);
        }
        ActivationsF32.forward(activation, slope, pre, act, 0, rows * out, out);
        masked = dropout > 0 && withDropout;
        if (masked) {
            applyDropout(rows, maskSeed, step);
        } else if (dropout > 0) {
            System.arraycopy(act, 0, output, 0, rows * out);
        }
    }

    private void applyDropout(int rows, long maskSeed, long step) {
        float keep = (float) (1 / (1 - dropout));
        long layerSeed = Seeds.mix(maskSeed + index);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < out; j++) {
                int i = r * out + j;
                float m = Seeds.dropoutUniform(layerSeed, step, r, j) < dropout ? 0 : keep;
                mask[i] = m;
                output[i] = act[i] * m;
            }
        }
    }

    /** Turns {@link #grad} (w.r.t. the output) into the gradient w.r.t. the pre-activation. */
    void activationBackward(int rows) {
        if (masked) {
            for (int i = 0; i < rows * out; i++) {
                grad[i] *= mask[i];
            }
        }
        ActivationsF32.backward(activation, slope, pre, act, grad, 0, rows * out, out);
    }

    /** Bias gradient: column sums of the pre-activation gradient. */
    private void biasGradient(float[] grads, int rows) {
        for (int j = 0; j < out; j++) {
            grads[bOff + j] = 0;
        }
        for (int r = 0; r < rows; r++) {
            int d = r * out;
            for (int j = 0; j < out; j++) {
                grads[bOff + j] += grad[d + j];
            }
        }
    }

    /**
     * From the pre-activation gradient in {@link #grad}: parameter gradients into {@code grads}, and
     * the gradient w.r.t. the input into {@code dx} (skipped when null).
     */
    void parameterBackward(float[] params, float[] grads, float[] x, int rows, float[] dx) {
        if (batchNorm) {
            norm.backward(params, grads, gammaOff, betaOff, grad, rows);
        }
        curX = x;
        curParams = params;
        curGrads = grads;
        curDx = dx;
        curRows = rows;
        boolean split = parallel(rows);
        if (split) {
            pool.run(weightGradientTask, in);
        } else {
            GEMM.weightGradient(x, in, grad, out, rows, grads, wOff, 0, in);
        }
        biasGradient(grads, rows);
        if (dx != null && weightsT != null) {
            transposeWeights(params);
            if (split) {
                pool.run(transposedInputGradientTask, rows);
            } else {
                GEMM.forward(grad, out, weightsT, 0, out * in, in, dx, 0, rows);
            }
        } else if (dx != null && split) {
            pool.run(inputGradientTask, rows);
        } else if (dx != null) {
            GEMM.inputGradient(grad, out, params, wOff, in, dx, 0, rows);
        }
    }

    /** Copies the weights into {@link #weightsT} as out x in (the trailing zeros stay zero), in cache-sized tiles. */
    private void transposeWeights(float[] params) {
        for (int k0 = 0; k0 < in; k0 += TILE) {
            int k1 = Math.min(in, k0 + TILE);
            for (int j0 = 0; j0 < out; j0 += TILE) {
                int j1 = Math.min(out, j0 + TILE);
                for (int k = k0; k < k1; k++) {
                    int row = wOff + k * out;
                    for (int j = j0; j < j1; j++) {
                        weightsT[j * in + k] = params[row + j];
                    }
                }
            }
        }
    }
}
