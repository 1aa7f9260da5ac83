package dev.triage.train;

/**
 * The loop is about to run epochs {@code firstEpoch}..{@code totalEpochs} (1-based; {@code firstEpoch} > 1
 * when resuming). {@code control} lets the listener request a stop later.
 */
public record RunStarted(int firstEpoch, int totalEpochs, int stepsPerEpoch, int trainRows, int validationRows,
                         long parameterCount, int probeInterval, StopControl control) {
}
