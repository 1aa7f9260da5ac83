package dev.triage.config;

/** Activation functions; {@code auto} only for the output layer, {@code softmax} only there too. */
public enum Activation implements ConfigChoice {
    AUTO, IDENTITY, RELU, LEAKY_RELU, ELU, GELU, TANH, SIGMOID, SOFTPLUS, SOFTMAX,
    /** An activation of another framework that Triage does not know (its name is carried beside it); never valid in run.yaml. */
    OTHER;

    /** ReLU-like activations, which He initialization is made for. */
    public boolean isReluFamily() {
        return this == RELU || this == LEAKY_RELU || this == ELU || this == GELU;
    }

    /** Activations with flat tails where units can saturate. */
    public boolean isSaturating() {
        return this == TANH || this == SIGMOID;
    }
}
