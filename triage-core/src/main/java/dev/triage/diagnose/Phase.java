package dev.triage.diagnose;

import java.util.Locale;

/** When a finding was made: before training (data, config, init), while training, or after it. */
public enum Phase {
    DATA, CONFIG, INIT, TRAINING, EVALUATION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
