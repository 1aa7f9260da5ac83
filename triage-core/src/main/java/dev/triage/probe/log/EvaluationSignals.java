package dev.triage.probe.log;

/**
 * The final model (after restoring the best epoch when configured): losses in network units, the
 * validation metric (rmse or accuracy), and {@code validationScore} in the units of the baselines'
 * {@link BaselineResult#validationLoss()} (MSE in target units, or log loss), so they can be compared.
 * {@code trainScore} is the same score on the training rows (what a run without a validation split is
 * judged by; NaN when not measured).
 */
public record EvaluationSignals(int epochsRun, String stopReason, double trainLoss, double validationLoss,
                                double validationMetric, double validationScore, double testMetric, int bestEpoch,
                                double bestValidationLoss, boolean restoredBest, double trainScore) {

    /** Without a training-rows score. */
    public EvaluationSignals(int epochsRun, String stopReason, double trainLoss, double validationLoss,
                             double validationMetric, double validationScore, double testMetric, int bestEpoch,
                             double bestValidationLoss, boolean restoredBest) {
        this(epochsRun, stopReason, trainLoss, validationLoss, validationMetric, validationScore, testMetric, bestEpoch,
                bestValidationLoss, restoredBest, Double.NaN);
    }

    /** The validation score, or without a validation split the training-rows score (NaN when neither). */
    public double score() {
        return Double.isFinite(validationScore) ? validationScore : trainScore;
    }
}
