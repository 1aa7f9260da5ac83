package dev.triage.report;

import dev.triage.train.TaskMetrics;

/**
 * The {@code metrics} object of the JSON report; {@code test} may be null when nothing was trained.
 * {@code restoredEpoch}: the epoch whose weights the run ends with when early stopping restored the
 * best ones (0 when it did not).
 */
public record RunMetrics(int epochsRun, double trainLoss, double validationLoss, TaskMetrics test, String stopReason,
                         double trainSeconds, int restoredEpoch) {
    public RunMetrics(int epochsRun, double trainLoss, double validationLoss, TaskMetrics test, String stopReason,
                      double trainSeconds) {
        this(epochsRun, trainLoss, validationLoss, test, stopReason, trainSeconds, 0);
    }

    /** "early_stopping; the weights of epoch 44 restored", or the stop reason alone. */
    public String howItEnded() {
        return stopReason + (restoredEpoch > 0 ? "; the weights of epoch " + restoredEpoch + " restored" : "");
    }
}
