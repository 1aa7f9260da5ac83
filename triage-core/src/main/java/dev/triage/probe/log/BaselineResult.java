package dev.triage.probe.log;

/**
 * A simple model's held-out scores: {@code metric} is {@code rmse} (target units) or {@code accuracy};
 * {@code validationLoss} is the mean squared error in target units (regression) or the log loss
 * (classification), the same units as {@link EvaluationSignals#validationScore()}.
 */
public record BaselineResult(String name, String metric, double validation, double test, double validationLoss) {
}
