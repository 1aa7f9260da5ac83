package dev.triage.nn;

import java.util.Arrays;

/**
 * What the engine measured during one step, written into preallocated arrays (one entry per layer)
 * so that measuring allocates nothing. Norms and non-finite checks are fused into the optimizer
 * update and are filled on every step; activation statistics only when the step was probed.
 */
public final class StepStats {
    public final int layers;
    /** L2 norm of each layer's weight gradient (penalty included, before normalization). */
    public final double[] gradNorm;
    /** L2 norm of each layer's weights after the update. */
    public final double[] weightNorm;
    /** L2 norm of each layer's weight change in this step. */
    public final double[] updateNorm;
    /** Mean and std of each layer's activations (probe steps). */
    public final double[] actMean;
    public final double[] actStd;
    /** Fraction of activations that are exactly zero (probe steps). */
    public final double[] zeroFraction;
    /** Fraction of units whose pre-activation is {@code <= 0} for every row of the batch (probe steps). */
    public final double[] deadFraction;
    /** Fraction of tanh/sigmoid activations within 1% of their limits (probe steps; 0 for others). */
    public final double[] saturatedFraction;
    /** Std of each layer's pre-activations (probe steps). */
    public final double[] preActStd;
    public double loss;
    public double penalty;
    public int rows;
    public boolean probed;
    /** Std across the batch of the network's outputs, averaged over output units (probe steps). */
    public double predictionStd;
    /** First layer (0-based) where a non-finite value appeared, or -1. */
    public int nonFiniteLayer = -1;
    public Tensor nonFiniteTensor;

    public StepStats(int layers) {
        this.layers = layers;
        gradNorm = new double[layers];
        weightNorm = new double[layers];
        updateNorm = new double[layers];
        actMean = new double[layers];
        actStd = new double[layers];
        zeroFraction = new double[layers];
        deadFraction = new double[layers];
        saturatedFraction = new double[layers];
        preActStd = new double[layers];
    }

    /** Clears the per-step fields before a step. */
    public void reset() {
        loss = Double.NaN;
        penalty = 0;
        rows = 0;
        probed = false;
        predictionStd = Double.NaN;
        nonFiniteLayer = -1;
        nonFiniteTensor = null;
        Arrays.fill(gradNorm, 0);
        Arrays.fill(updateNorm, 0);
    }

    /** Records a non-finite value unless an earlier one was already recorded in this step. */
    public void markNonFinite(int layer, Tensor tensor) {
        if (nonFiniteLayer < 0) {
            nonFiniteLayer = layer;
            nonFiniteTensor = tensor;
        }
    }

    public boolean hasNonFinite() {
        return nonFiniteLayer >= 0 || !Double.isFinite(loss);
    }
}
