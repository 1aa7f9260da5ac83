package dev.triage.report;

import dev.triage.train.TaskMetrics;

/** The {@code metrics} object of the JSON report; {@code test} may be null when nothing was trained. */
public record RunMetrics(int epochsRun, double trainLoss, double validationLoss, TaskMetrics test, String stopReason,
                         double trainSeconds) {
}
