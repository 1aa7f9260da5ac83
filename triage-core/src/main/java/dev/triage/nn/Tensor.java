package dev.triage.nn;

/** Which quantity of a layer a signal is about; used to say where a non-finite value first appeared. */
public enum Tensor {
    /** The loss itself (all activations finite). */
    LOSS,
    /** A layer's forward output. */
    ACTIVATION,
    /** A layer's weight gradient. */
    GRADIENT,
    /** A layer's weights after the update. */
    WEIGHT
}
