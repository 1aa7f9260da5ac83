package dev.triage.probe.log;

/**
 * One epoch: losses in the network's units, the validation metric, the spread of validation
 * predictions and targets (network units), and the learning rate. NaN where unknown.
 */
public record EpochPoint(int epoch, long step, double learningRate, double trainLoss, double validationLoss,
                         double validationMetric, double predictionStd, double targetStd, double seconds) {
}
