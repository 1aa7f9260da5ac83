package dev.triage.repair;

import java.util.List;
import java.util.Locale;

/** The result of the repair loop: whether it ran, how it ended, each trial, and why it stopped. */
public record RepairOutcome(boolean attempted, Outcome outcome, List<RepairTrial> trials, String explanation) {
    public enum Outcome {
        NOT_NEEDED, REPAIRED, IMPROVED, UNREPAIRABLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RepairOutcome {
        trials = List.copyOf(trials);
    }
}
