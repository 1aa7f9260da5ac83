package dev.triage.train;

/** An epoch (1-based) begins with this learning rate. */
public record EpochStarted(int epoch, double learningRate) {
}
