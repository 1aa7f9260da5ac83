package dev.triage.repair;

import dev.triage.diagnose.Remedy;
import java.util.List;

/**
 * One repair attempt: the remedies applied (cumulatively), the validation loss reached (the repair's
 * score: MSE in target units or log loss), whether it was kept, and the run's validation metric as its
 * epoch lines show it ({@code metric}: rmse or accuracy; null and NaN when unknown).
 */
public record RepairTrial(int trial, List<Remedy> remedies, double validationLoss, double testMetric, boolean kept,
                          String reason, String runDir, String metric, double validationMetric) {
    public RepairTrial {
        remedies = List.copyOf(remedies);
    }

    public RepairTrial(int trial, List<Remedy> remedies, double validationLoss, double testMetric, boolean kept, String reason,
                       String runDir) {
        this(trial, remedies, validationLoss, testMetric, kept, reason, runDir, null, Double.NaN);
    }
}
