package dev.triage.train;

import dev.triage.nn.Tensor;

/**
 * A step finished. {@code step} counts from 1 over the whole run. When a value became non-finite,
 * {@code nonFiniteLayer} (0-based, -1 otherwise) and {@code nonFiniteTensor} say where it first appeared.
 */
public record BatchEnded(int epoch, long step, int rows, double loss, double learningRate, int nonFiniteLayer,
                         Tensor nonFiniteTensor) {
    public boolean isFinite() {
        return nonFiniteLayer < 0 && Double.isFinite(loss);
    }
}
