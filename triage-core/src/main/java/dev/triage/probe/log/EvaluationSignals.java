package dev.triage.probe.log;

/**
 * The final model (after restoring the best epoch when configured): losses in network units, the
 * validation metric (rmse or accuracy), and {@code validationScore} in the units of the baselines'
 * {@link BaselineResult#validationLoss()} (MSE in target units, or log loss), so they can be compared.
 */
public record EvaluationSignals(int epochsRun, String stopReason, double trainLoss, double validationLoss,
                                double validationMetric, double validationScore, double testMetric, int bestEpoch,
                                double bestValidationLoss, boolean restoredBest) {
}
