package dev.triage.repair;

import dev.triage.diagnose.Remedy;
import java.util.List;

/** One repair attempt: the remedies applied (cumulatively), the validation loss reached, and whether it was kept. */
public record RepairTrial(int trial, List<Remedy> remedies, double validationLoss, double testMetric, boolean kept,
                          String reason, String runDir) {
    public RepairTrial {
        remedies = List.copyOf(remedies);
    }
}
