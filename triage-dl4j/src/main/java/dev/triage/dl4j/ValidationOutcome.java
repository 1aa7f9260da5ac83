package dev.triage.dl4j;

/**
 * One epoch-end validation pass.
 *
 * @param loss          in the output layer's loss, without regularization
 * @param metric        rmse for regression, accuracy for classification
 * @param predictionStd the spread of the predictions
 * @param targetStd     the spread of the targets
 * @param score         what the baselines are scored by: MSE for regression, log loss for classification
 */
record ValidationOutcome(double loss, double metric, double predictionStd, double targetStd, double score) {
    /** No pass: no validation split, a model it cannot run, or an epoch the schedule skipped. */
    static final ValidationOutcome NONE = new ValidationOutcome(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
