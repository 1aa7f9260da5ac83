package dev.triage.repair;

import dev.triage.diagnose.Remedy;
import java.util.List;

/**
 * One repair attempt: the remedies applied (cumulatively), the validation loss reached (the repair's
 * score: MSE in target units or log loss), the {@link Verdict} on it, and the run's validation metric as
 * its epoch lines show it ({@code metric}: rmse or accuracy; null and NaN when unknown).
 */
public record RepairTrial(int trial, List<Remedy> remedies, double validationLoss, double testMetric, Verdict verdict,
                          String runDir, String metric, double validationMetric) {
    public RepairTrial {
        remedies = List.copyOf(remedies);
    }

    /** Whether the trial's change was kept. */
    public boolean kept() {
        return verdict.kept();
    }

    /** The verdict in words ("kept: ..." or "discarded: ..."). */
    public String reason() {
        return verdict.reason();
    }
}
