package dev.triage.nn;

import dev.triage.config.Activation;
import dev.triage.config.Init;

/**
 * One dense layer: {@code units} outputs, its activation, inverted dropout with DROP probability
 * {@code dropout}, optional batch norm before the activation, its initializer (never AUTO here),
 * and a learning-rate multiplier.
 */
public record LayerSpec(int units, Activation activation, double dropout, boolean batchNorm, Init init,
                        double initScale, double biasInit, double learningRateScale) {
    public LayerSpec {
        if (units < 1) {
            throw new IllegalArgumentException("a layer needs at least one unit, got " + units);
        }
        if (init == Init.AUTO || activation == Activation.AUTO) {
            throw new IllegalArgumentException("resolve AUTO init/activation before building the network");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }
}
