package dev.triage.nn;

import dev.triage.config.DType;

/**
 * A network and its optimizer in one precision. The training loop calls {@link #trainStep} for each
 * batch; everything the doctor needs from a step comes back in a {@link StepStats}. A step allocates
 * nothing: buffers are sized once for the largest batch.
 *
 * <p>Shapes are checked, never broadcast: data whose width differs from the network's input, or
 * targets whose shape differs from the output, is a {@link ShapeMismatchException}.
 */
public interface Engine extends AutoCloseable {
    NetworkSpec spec();

    DType dtype();

    /**
     * Copies a data set into the engine's precision. {@code x} is rows x inputs (row-major);
     * {@code targets} is rows x outputs for regression-style losses (or null), {@code labels} one
     * class index per row for classification (or null). At least one of the two must be given.
     */
    EngineData upload(double[] x, int rows, int inputs, double[] targets, int outputsPerRow, int[] labels);

    /**
     * One optimizer step on the rows {@code order[from, to)} of {@code data}. {@code step} is the
     * global step number (it selects dropout masks); {@code probe} asks for activation statistics.
     */
    void trainStep(EngineData data, int[] order, int from, int to, double learningRate, long step, boolean probe,
                   StepStats out);

    /** One full-batch L-BFGS iteration (with a line search), for the lbfgs optimizer. */
    void lbfgsStep(EngineData data, double learningRate, long step, StepStats out);

    /**
     * Mean data loss over all rows in evaluation mode (no dropout, batch-norm running statistics);
     * when {@code predictions} is not null it receives the outputs (rows x outputs, after the output
     * activation).
     */
    double evaluate(EngineData data, double[] predictions);

    /** Forward pass in training mode on the given rows without updating; fills activation statistics. */
    double probeForward(EngineData data, int[] rows, long step, StepStats out);

    /**
     * Loss (data loss plus L1/L2 penalty) and its gradient with respect to every parameter, in the
     * layout of {@link #parameters()}, for the given rows in training mode, without updating.
     */
    double lossAndGradient(EngineData data, int[] rows, long step, double[] gradient);

    /** Loss and its gradient with respect to the inputs of the given rows (rows x inputs). */
    double inputGradient(EngineData data, int[] rows, long step, double[] gradient);

    long parameterCount();

    /** All trainable parameters, layer by layer: weights (fanIn x units), bias, then BN scale and shift. */
    double[] parameters();

    void setParameters(double[] values);

    /**
     * The parameters copied into {@code reuse} when it has the right length (a checkpoint snapshot taken
     * every epoch allocates nothing), else into a new array.
     */
    default double[] parameters(double[] reuse) {
        return parameters();
    }

    /** Non-trainable state: batch-norm running means and variances. */
    double[] buffers();

    void setBuffers(double[] values);

    /** The optimizer's state (moments, step count, L-BFGS history), for checkpoints. */
    double[] optimizerState();

    void setOptimizerState(double[] state);

    /** The optimizer's state copied into {@code reuse} when it has the right length, else into a new array. */
    default double[] optimizerState(double[] reuse) {
        return optimizerState();
    }

    /** Replaces the optimizer (second training phase); its state starts empty. */
    void resetOptimizer(OptimizerSpec spec);

    @Override
    void close();
}
