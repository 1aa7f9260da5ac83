package dev.triage.train;

/**
 * An epoch finished. Losses are in the network's units (scaled target for regression); the metric
 * ({@code metricName}: {@code rmse} in target units for regression, {@code accuracy} for
 * classification) is on the validation set. NaN where there is no validation set.
 * {@code predictionStd} and {@code targetStd} are the spread of validation predictions and targets
 * (averaged over output units; targets in the network's units).
 */
public record EpochEnded(int epoch, long step, double learningRate, double trainLoss, double validationLoss,
                         String metricName, double validationMetric, double predictionStd, double targetStd,
                         double seconds) {
}
