package dev.triage.config;

/** Loss functions; {@code auto} is chosen from the task. */
public enum Loss implements ConfigChoice {
    AUTO, MSE, MAE, HUBER, CROSS_ENTROPY, BINARY_CROSS_ENTROPY,
    /** A loss of another framework that Triage does not know; never valid in run.yaml. */
    OTHER;

    /** True for the losses that compare class probabilities with labels. */
    public boolean isClassification() {
        return this == CROSS_ENTROPY || this == BINARY_CROSS_ENTROPY;
    }
}
