package dev.triage.probe.log;

import dev.triage.config.Activation;
import dev.triage.config.Init;

/** One dense layer as configured (index 0-based; the last layer is the output layer). */
public record LayerFacts(int index, int fanIn, int units, Activation activation, double dropout, boolean batchNorm,
                         Init init, double initScale) {

    /** How reports name the layer: "layer 2 (dense 64, relu)" (1-based). */
    public String describe() {
        return "layer " + (index + 1) + " (dense " + units + ", " + activation.configName() + ")";
    }
}
