package dev.triage.nn.f32;

import dev.triage.config.DType;
import dev.triage.config.Optimizer;
import dev.triage.nn.Engine;
import dev.triage.nn.EngineData;
import dev.triage.nn.Initializer;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.OptimizerSpec;
import dev.triage.nn.ParameterLayout;
import dev.triage.nn.Seeds;
import dev.triage.nn.ShapeMismatchException;
import dev.triage.nn.StepStats;
import dev.triage.nn.Tensor;
import dev.triage.nn.WorkerPool;

/**
 * The float32 engine: a stack of dense layers trained on batches gathered from an uploaded data set.
 * All buffers are allocated here, once, for the largest batch; a training step allocates nothing.
 */
public final class EngineF32 implements Engine {
    private final NetworkSpec spec;
    private final ParameterLayout layout;
    private final LayerF32[] layers;
    private final float[] params;
    private final float[] grads;
    private final int capacity;
    private final int outputs;
    private final float[] xBatch;
    private final float[] yBatch;
    private final int[] labelBatch;
    private final long maskSeed;
    private final WorkerPool pool;
    private OptimizerF32 optimizer;
    private LbfgsF32 lbfgs;
    private float[] inputGrad;

    public EngineF32(NetworkSpec spec, OptimizerSpec optimizerSpec, int batchCapacity, int threads) {
        this.spec = spec;
        this.pool = new WorkerPool(threads);
        this.layout = new ParameterLayout(spec);
        this.capacity = Math.max(1, batchCapacity);
        this.outputs = spec.outputs();
        this.layers = new LayerF32[spec.layers().size()];
        int offset = 0;
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new LayerF32(l, spec.fanIn(l), spec.layers().get(l), (float) spec.leakyReluSlope(), offset, capacity,
                    pool);
            offset = layers[l].end();
        }
        params = new float[offset];
        grads = new float[offset];
        xBatch = new float[capacity * spec.inputs()];
        yBatch = new float[capacity * outputs];
        labelBatch = new int[capacity];
        maskSeed = Seeds.derive(spec.seed(), Seeds.DROPOUT, 0);
        initialize();
        resetOptimizer(optimizerSpec);
    }

    private void initialize() {
        for (int l = 0; l < layers.length; l++) {
            LayerF32 layer = layers[l];
            double[] w = new double[layer.in * layer.out];
            Initializer.weights(spec.layers().get(l), layer.in, l, spec.seed(), w);
            for (int i = 0; i < w.length; i++) {
                params[layer.wOff + i] = (float) w[i];
            }
            for (int j = 0; j < layer.out; j++) {
                params[layer.bOff + j] = (float) spec.layers().get(l).biasInit();
                if (layer.batchNorm) {
                    params[layer.gammaOff + j] = 1;
                    params[layer.betaOff + j] = 0;
                }
            }
        }
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    @Override
    public DType dtype() {
        return DType.FLOAT32;
    }

    @Override
    public EngineData upload(double[] x, int rows, int inputs, double[] targets, int outputsPerRow, int[] labels) {
        if (inputs != spec.inputs()) {
            throw new ShapeMismatchException("input features", "[N, " + spec.inputs() + "]", "[N, " + inputs + "]");
        }
        if ((long) rows * inputs != x.length) {
            throw new ShapeMismatchException("feature matrix", "[" + rows + ", " + inputs + "] = " + ((long) rows * inputs)
                    + " values", x.length + " values");
        }
        float[] fx = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            fx[i] = (float) x[i];
        }
        float[] fy = TargetsF32.build(spec, targets, outputsPerRow, labels, rows);
        return new DataF32(fx, fy, labels, rows, inputs, outputs, this);
    }

    private DataF32 own(EngineData data) {
        if (!(data instanceof DataF32 d) || d.owner != this) {
            throw new IllegalArgumentException("data was uploaded to a different engine");
        }
        return d;
    }

    private void gather(DataF32 d, int[] order, int from, int rows) {
        int in = d.features;
        for (int r = 0; r < rows; r++) {
            int src = order == null ? from + r : order[from + r];
            System.arraycopy(d.x, src * in, xBatch, r * in, in);
            System.arraycopy(d.y, src * outputs, yBatch, r * outputs, outputs);
            labelBatch[r] = d.labels == null ? 0 : d.labels[src];
        }
    }

    private void forward(int rows, boolean batchStats, boolean dropout, boolean updateRunning, long step) {
        float[] input = xBatch;
        for (LayerF32 layer : layers) {
            layer.forward(params, input, rows, batchStats, dropout, updateRunning, maskSeed, step);
            input = layer.output;
        }
    }

    /** Loss of the current batch (summed, divided by {@code normalizer}) and all gradients. */
    private double backward(int rows, double normalizer, boolean wantInputGradient) {
        LayerF32 last = layers[layers.length - 1];
        double sum = LossF32.compute(spec.loss(), last.activation, last.pre, last.act, yBatch, labelBatch, outputs, 0,
                rows, normalizer, last.grad, spec.classWeights());
        for (int l = layers.length - 1; l >= 0; l--) {
            LayerF32 layer = layers[l];
            if (l != layers.length - 1) {
                layer.activationBackward(rows);
            }
            float[] x = l == 0 ? xBatch : layers[l - 1].output;
            float[] dx = l > 0 ? layers[l - 1].grad : wantInputGradient ? inputGradBuffer() : null;
            layer.parameterBackward(params, grads, x, rows, dx);
        }
        return sum / normalizer;
    }

    private float[] inputGradBuffer() {
        if (inputGrad == null) {
            inputGrad = new float[capacity * spec.inputs()];
        }
        return inputGrad;
    }

    private void checkBatch(int rows) {
        if (rows < 1 || rows > capacity) {
            throw new IllegalArgumentException("batch of " + rows + " rows; this engine holds 1 to " + capacity);
        }
    }

    @Override
    public void trainStep(EngineData data, int[] order, int from, int to, double learningRate, long step, boolean probe,
                          StepStats out) {
        DataF32 d = own(data);
        int rows = to - from;
        checkBatch(rows);
        out.reset();
        out.rows = rows;
        gather(d, order, from, rows);
        forward(rows, true, true, true, step);
        if (probe) {
            ProbeF32.activations(layers, rows, out);
        }
        out.loss = backward(rows, LossF32.normalizer(spec.loss(), rows, outputs), false);
        if (!Double.isFinite(out.loss)) {
            locateNonFinite(rows, out);
        }
        out.penalty = optimizer.penalize(params, grads);
        boolean finite = optimizer.measureAndNormalize(grads, out);
        if (finite && Double.isFinite(out.loss)) {
            optimizer.update(params, grads, learningRate, out);
        }
    }

    /** Marks the first layer whose activations are not finite, or the loss itself. */
    private void locateNonFinite(int rows, StepStats out) {
        for (LayerF32 layer : layers) {
            for (int i = 0; i < rows * layer.out; i++) {
                if (!Float.isFinite(layer.act[i])) {
                    out.markNonFinite(layer.index, Tensor.ACTIVATION);
                    return;
                }
            }
        }
        out.markNonFinite(layers.length - 1, Tensor.LOSS);
    }

    @Override
    public void lbfgsStep(EngineData data, double learningRate, long step, StepStats out) {
        DataF32 d = own(data);
        if (lbfgs == null) {
            lbfgs = new LbfgsF32(params.length);
        }
        out.reset();
        out.rows = d.rows;
        double[] x = parameters();
        double[] before = x.clone();
        out.loss = lbfgs.step(x, (point, gradient) -> fullBatch(d, point, gradient), learningRate);
        layout.recordNorms(before, x, lbfgs.gradient(), out);
        if (!Double.isFinite(out.loss)) {
            out.markNonFinite(layers.length - 1, Tensor.LOSS);
        }
    }

    /** Full-batch loss (with penalty) and gradient at {@code point}, without dropout. */
    private double fullBatch(DataF32 d, double[] point, double[] gradient) {
        setParameters(point);
        java.util.Arrays.fill(gradient, 0);
        double loss = 0;
        double norm = LossF32.normalizer(spec.loss(), d.rows, outputs);
        for (int from = 0; from < d.rows; from += capacity) {
            int rows = Math.min(capacity, d.rows - from);
            gather(d, null, from, rows);
            forward(rows, true, false, false, 0);
            loss += backward(rows, norm, false);
            for (int i = 0; i < grads.length; i++) {
                gradient[i] += grads[i];
            }
        }
        java.util.Arrays.fill(grads, 0);
        double penalty = optimizer.penalize(params, grads);
        for (int i = 0; i < grads.length; i++) {
            gradient[i] += grads[i];
        }
        return loss + penalty;
    }

    @Override
    public double evaluate(EngineData data, double[] predictions) {
        DataF32 d = own(data);
        double sum = 0;
        for (int from = 0; from < d.rows; from += capacity) {
            int rows = Math.min(capacity, d.rows - from);
            gather(d, null, from, rows);
            forward(rows, false, false, false, 0);
            LayerF32 last = layers[layers.length - 1];
            sum += LossF32.compute(spec.loss(), last.activation, last.pre, last.act, yBatch, labelBatch, outputs, 0, rows,
                    1, null, spec.classWeights());
            if (predictions != null) {
                for (int i = 0; i < rows * outputs; i++) {
                    predictions[from * outputs + i] = last.act[i];
                }
            }
        }
        return sum / LossF32.normalizer(spec.loss(), d.rows, outputs);
    }

    @Override
    public double probeForward(EngineData data, int[] rows, long step, StepStats out) {
        DataF32 d = own(data);
        int n = Math.min(rows.length, capacity);
        out.reset();
        out.rows = n;
        gather(d, rows, 0, n);
        forward(n, true, true, false, step);
        ProbeF32.activations(layers, n, out);
        LayerF32 last = layers[layers.length - 1];
        double normalizer = LossF32.normalizer(spec.loss(), n, outputs);
        out.loss = LossF32.compute(spec.loss(), last.activation, last.pre, last.act, yBatch, labelBatch, outputs, 0, n,
                normalizer, null, spec.classWeights()) / normalizer;
        return out.loss;
    }

    @Override
    public double lossAndGradient(EngineData data, int[] rows, long step, double[] gradient) {
        DataF32 d = own(data);
        checkBatch(rows.length);
        gather(d, rows, 0, rows.length);
        forward(rows.length, true, true, false, step);
        double loss = backward(rows.length, LossF32.normalizer(spec.loss(), rows.length, outputs), false);
        loss += optimizer.penalize(params, grads);
        for (int i = 0; i < grads.length; i++) {
            gradient[i] = grads[i];
        }
        return loss;
    }

    @Override
    public double inputGradient(EngineData data, int[] rows, long step, double[] gradient) {
        DataF32 d = own(data);
        checkBatch(rows.length);
        gather(d, rows, 0, rows.length);
        forward(rows.length, true, true, false, step);
        double loss = backward(rows.length, LossF32.normalizer(spec.loss(), rows.length, outputs), true);
        for (int i = 0; i < rows.length * spec.inputs(); i++) {
            gradient[i] = inputGrad[i];
        }
        return loss;
    }

    @Override
    public long parameterCount() {
        return params.length;
    }

    @Override
    public double[] parameters() {
        return parameters(null);
    }

    @Override
    public double[] parameters(double[] reuse) {
        double[] out = reuse != null && reuse.length == params.length ? reuse : new double[params.length];
        for (int i = 0; i < params.length; i++) {
            out[i] = params[i];
        }
        return out;
    }

    @Override
    public void setParameters(double[] values) {
        if (values.length != params.length) {
            throw new ShapeMismatchException("parameters", "[" + params.length + "]", "[" + values.length + "]");
        }
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) values[i];
        }
    }

    @Override
    public double[] buffers() {
        return BuffersF32.save(layers);
    }

    @Override
    public void setBuffers(double[] values) {
        BuffersF32.restore(layers, values);
    }

    @Override
    public double[] optimizerState() {
        return optimizerState(null);
    }

    @Override
    public double[] optimizerState(double[] reuse) {
        if (optimizer.spec().kind() != Optimizer.LBFGS) {
            return optimizer.state(reuse);
        }
        return lbfgs == null ? new double[0] : lbfgs.state();
    }

    @Override
    public void setOptimizerState(double[] state) {
        if (optimizer.spec().kind() == Optimizer.LBFGS) {
            if (state.length > 0) {
                lbfgs = new LbfgsF32(params.length);
                lbfgs.restore(state);
            }
        } else {
            optimizer.restore(state);
        }
    }

    @Override
    public void resetOptimizer(OptimizerSpec optimizerSpec) {
        optimizer = new OptimizerF32(optimizerSpec, layout, params.length, pool);
        lbfgs = null;
    }

    @Override
    public void close() {
        pool.close();
    }
}
