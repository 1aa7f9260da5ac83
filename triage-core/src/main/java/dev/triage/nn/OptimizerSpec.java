package dev.triage.nn;

import dev.triage.config.GradientNormalization;
import dev.triage.config.Optimizer;

/**
 * The update rule and what is applied to gradients first: L1/L2 penalties (weights only), gradient
 * normalization, and decoupled weight decay. The learning rate is given per step.
 */
public record OptimizerSpec(Optimizer kind, double momentum, double beta1, double beta2, double l1, double l2,
                            double weightDecay, GradientNormalization normalization, double normalizationThreshold) {
    /** Adam/AdamW/RMSProp epsilon (PyTorch's value). */
    public static final double ADAM_EPSILON = 1e-8;
    /** RMSProp's decay of the squared-gradient average (Keras' value). */
    public static final double RMSPROP_RHO = 0.9;
    /** Adagrad epsilon. */
    public static final double ADAGRAD_EPSILON = 1e-10;

    public static OptimizerSpec of(Optimizer kind) {
        return new OptimizerSpec(kind, 0.9, 0.9, 0.999, 0, 0, 0, GradientNormalization.NONE, 1.0);
    }

    public OptimizerSpec withKind(Optimizer k) {
        return new OptimizerSpec(k, momentum, beta1, beta2, l1, l2, weightDecay, normalization, normalizationThreshold);
    }
}
