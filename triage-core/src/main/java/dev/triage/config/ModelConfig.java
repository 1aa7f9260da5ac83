package dev.triage.config;

import java.util.List;

/** {@code model}: the network's shape, activations, loss and initialization. */
public record ModelConfig(List<LayerConfig> hidden, Activation activation, double leakyReluSlope,
                          Activation outputActivation, Loss loss, Init init, double initScale, double biasInit,
                          double dropout, boolean batchNorm) {
    public ModelConfig {
        hidden = List.copyOf(hidden);
    }
}
