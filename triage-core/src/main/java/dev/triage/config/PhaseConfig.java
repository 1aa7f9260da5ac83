package dev.triage.config;

/** {@code training.then}: a second training phase with another optimizer (e.g. L-BFGS to polish). */
public record PhaseConfig(Optimizer optimizer, int epochs, double learningRate) {
}
