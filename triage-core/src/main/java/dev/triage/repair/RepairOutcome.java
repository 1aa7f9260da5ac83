package dev.triage.repair;

import dev.triage.diagnose.Finding;
import java.util.List;
import java.util.Locale;

/**
 * The result of the repair loop: whether it ran, how it ended, each trial, why it stopped, and the
 * findings of the run it ended with ({@code finalFindings}; the report's own findings are the
 * diagnosis of the original run).
 */
public record RepairOutcome(boolean attempted, Outcome outcome, List<RepairTrial> trials, String explanation,
                            List<Finding> finalFindings) {
    public enum Outcome {
        NOT_NEEDED, REPAIRED, IMPROVED, UNREPAIRABLE,
        /** Errors remain (or the network trails a baseline) and no change helped, short of "unrepairable". */
        UNRESOLVED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RepairOutcome {
        trials = List.copyOf(trials);
        finalFindings = List.copyOf(finalFindings);
    }
}
