package dev.triage.probe;

/**
 * A simple model's score on the held-out sets: {@code metric} is {@code rmse} (regression, target
 * units) or {@code accuracy}; {@code validationLoss} is in the network's loss units (scaled MSE or
 * cross entropy), so the network's validation loss can be compared with it directly.
 */
public record BaselineResult(String name, String metric, double validation, double test, double validationLoss) {
}
