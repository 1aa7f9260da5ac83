package dev.triage.config;

/** Optimizers. */
public enum Optimizer implements ConfigChoice {
    SGD, MOMENTUM, NESTEROV, RMSPROP, ADAGRAD, ADAM, ADAMW, LBFGS,
    /** An optimizer of another framework that Triage does not know; never valid in run.yaml. */
    OTHER;

    /** What Triage knows about this optimizer: rates, momentum, state ({@link OptimizerProfile}). */
    public OptimizerProfile profile() {
        return OptimizerProfile.of(this);
    }

    /** Optimizers that scale each parameter's step by its own gradient history. */
    public boolean isAdaptive() {
        return profile().adaptive();
    }
}
