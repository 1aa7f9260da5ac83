package dev.triage.probe.log;

/**
 * One forward pass on a real training batch before the first update: the loss and the value expected
 * for an untrained model (ln C for C classes; about 1 + the output variance for a standardized
 * regression target), the regularization penalty, and per layer the spread of pre-activations and
 * activations, inactive and saturated units. {@code outputStd} is the spread of predictions.
 */
public record InitSignals(int rows, double loss, double expectedLoss, double dataLossScale, double penalty,
                          double[] preActStd, double[] actStd, double[] deadFraction, double[] saturatedFraction,
                          double outputStd, double inputStd) {
}
