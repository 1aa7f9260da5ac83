package dev.triage.config;

/** {@code training.early_stopping}: stop when validation loss has not improved for {@code patience} epochs. */
public record EarlyStoppingConfig(int patience, double minDelta, boolean restoreBest) {
}
