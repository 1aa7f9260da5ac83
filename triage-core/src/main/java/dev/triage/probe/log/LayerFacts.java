package dev.triage.probe.log;

import dev.triage.config.Activation;
import dev.triage.config.Init;

/**
 * One dense layer as configured (index 0-based; the last layer is the output layer); {@code biasInit}
 * is the value every bias starts at.
 */
public record LayerFacts(int index, int fanIn, int units, Activation activation, double dropout, boolean batchNorm,
                         Init init, double initScale, double biasInit) {

    /** A layer whose biases start at zero. */
    public LayerFacts(int index, int fanIn, int units, Activation activation, double dropout, boolean batchNorm, Init init,
                      double initScale) {
        this(index, fanIn, units, activation, dropout, batchNorm, init, initScale, 0.0);
    }

    /** How reports name the layer: "layer 2 (dense 64, relu)" (1-based). */
    public String describe() {
        return "layer " + (index + 1) + " (dense " + units + ", " + activation.configName() + ")";
    }
}
