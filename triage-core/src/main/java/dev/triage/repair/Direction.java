package dev.triage.repair;

import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import java.util.Set;

/**
 * Remedies that point against the evidence of a run: no higher learning rate while any finding says the
 * steps are too large (a loss that diverges, oscillates or turns non-finite, exploding gradients,
 * overfitting, or any finding whose first remedy is a lower rate), no lower rate while the run shows
 * steps too small and nothing too large, and no larger network for a run that memorizes its rows or has
 * far more parameters than rows.
 */
final class Direction {
    private static final Set<String> STEPS_TOO_LARGE = Set.of("TRAIN_LOSS_DIVERGING", "TRAIN_LOSS_OSCILLATING",
            "TRAIN_NAN_LOSS", "TRAIN_EXPLODING_GRADIENTS", "TRAIN_OVERFITTING");

    private static final Set<String> MEMORIZES = Set.of("TRAIN_OVERFITTING", "DATA_TOO_SMALL");

    private Direction() {
    }

    static boolean against(Remedy r, TrialResult run) {
        if (r == Remedy.INCREASE_CAPACITY) {
            return run.findings().stream().anyMatch(f -> f.severity() != Severity.INFO && MEMORIZES.contains(f.code()));
        }
        if (r == Remedy.RAISE_LEARNING_RATE) {
            return run.findings().stream().anyMatch(Direction::tooLarge);
        }
        if (r == Remedy.LOWER_LEARNING_RATE) {
            return run.findings().stream().noneMatch(Direction::tooLarge)
                    && run.findings().stream().anyMatch(f -> f.severity() != Severity.INFO && !f.remedies().isEmpty()
                    && f.remedies().get(0) == Remedy.RAISE_LEARNING_RATE && f.code().startsWith("TRAIN_UPDATE"));
        }
        return false;
    }

    private static boolean tooLarge(Finding f) {
        return f.severity() != Severity.INFO && (STEPS_TOO_LARGE.contains(f.code())
                || !f.remedies().isEmpty() && f.remedies().get(0) == Remedy.LOWER_LEARNING_RATE);
    }
}
