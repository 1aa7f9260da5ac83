package dev.triage.train;

/** A probed step: gradients are computed and the update applied; {@code signals} holds what was measured. */
public record AfterBackward(int epoch, long step, double learningRate, LayerSignals signals) {
}
