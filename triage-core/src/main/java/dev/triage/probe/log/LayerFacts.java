package dev.triage.probe.log;

import dev.triage.config.Activation;
import dev.triage.config.Init;

/**
 * One dense layer as configured (index 0-based; the last layer is the output layer); {@code biasInit}
 * is the value every bias starts at. Runs recorded by other frameworks also carry the layer's own
 * {@code name} (e.g. {@code "net.2"}), its {@code kind} ({@code "linear"}) and the activation's name as
 * that framework spells it; an activation Triage does not know is {@link Activation#OTHER} with its
 * name in {@code activationName}. Triage's own layers leave the three names null.
 */
public record LayerFacts(int index, int fanIn, int units, Activation activation, double dropout, boolean batchNorm,
                         Init init, double initScale, String name, String kind, String activationName, double biasInit) {

    /** A layer of Triage's own engine whose biases start at zero. */
    public LayerFacts(int index, int fanIn, int units, Activation activation, double dropout, boolean batchNorm, Init init,
                      double initScale) {
        this(index, fanIn, units, activation, dropout, batchNorm, init, initScale, 0.0);
    }

    /** A layer of Triage's own engine. */
    public LayerFacts(int index, int fanIn, int units, Activation activation, double dropout, boolean batchNorm, Init init,
                      double initScale, double biasInit) {
        this(index, fanIn, units, activation, dropout, batchNorm, init, initScale, null, null, null, biasInit);
    }

    /** A layer of another framework, with its own names (its bias start is not recorded: taken as zero). */
    public LayerFacts(int index, int fanIn, int units, Activation activation, double dropout, boolean batchNorm, Init init,
                      double initScale, String name, String kind, String activationName) {
        this(index, fanIn, units, activation, dropout, batchNorm, init, initScale, name, kind, activationName, 0.0);
    }

    /** The activation as reports spell it: Triage's name, or the other framework's. */
    public String activationLabel() {
        return activationName != null && !activationName.isEmpty() ? activationName : activation.configName();
    }

    /** How reports name the layer: "layer 2 (dense 64, relu)" (1-based), with the framework's own name when known. */
    public String describe() {
        String own = name == null || name.isEmpty() ? "" : " '" + name + "'";
        return "layer " + (index + 1) + own + " (" + (kind == null ? "dense" : kind) + " " + units + ", " + activationLabel() + ")";
    }
}
