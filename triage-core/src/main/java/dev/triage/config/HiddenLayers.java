package dev.triage.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code model.hidden}: a list of unit counts ({@code [64, 32]}) or of per-layer maps
 * ({@code {units: 64, activation: tanh, dropout: 0.1, init: he_normal, batch_norm: false,
 * learning_rate_scale: 1.0}}). Per-layer keys override the model-wide defaults; the resolved
 * configuration keeps only the overrides the user wrote, so a later change of a model-wide default
 * still reaches every layer that did not override it.
 */
final class HiddenLayers {
    static final Activation[] HIDDEN_ACTIVATIONS = {Activation.IDENTITY, Activation.RELU, Activation.LEAKY_RELU,
        Activation.ELU, Activation.GELU, Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS};
    static final int MAX_UNITS = 65_536;
    static final int MAX_LAYERS = 64;

    private HiddenLayers() {
    }

    static List<LayerConfig> bind(Section model, ConfigNode node, Activation act, double dropout, Init init,
                                  boolean batchNorm) {
        if (node == null || node.isNull()) {
            model.put("hidden", new ArrayList<>(List.of(64L, 32L)));
            return List.of(new LayerConfig(64, act, dropout, init, batchNorm, 1.0),
                    new LayerConfig(32, act, dropout, init, batchNorm, 1.0));
        }
        if (!node.isList()) {
            throw model.error(node, "hidden", "must be a list of unit counts like [64, 32] or of layer maps");
        }
        if (node.items().size() > MAX_LAYERS) {
            throw model.error(node, "hidden", "has " + node.items().size() + " layers; at most " + MAX_LAYERS + " are supported");
        }
        List<LayerConfig> layers = new ArrayList<>();
        List<Object> written = new ArrayList<>();
        for (int i = 0; i < node.items().size(); i++) {
            ConfigNode item = node.items().get(i);
            if (item.isMap()) {
                Section layer = new Section(model.key("hidden") + "[" + i + "]", item, item.origin(), model.context());
                layers.add(bindLayer(layer, item, act, dropout, init, batchNorm));
                written.add(onlyWritten(layer.output(), item));
            } else {
                int units = model.integerOf(item, "hidden[" + i + "]", 1, MAX_UNITS);
                layers.add(new LayerConfig(units, act, dropout, init, batchNorm, 1.0));
                written.add((long) units);
            }
        }
        model.put("hidden", written);
        return List.copyOf(layers);
    }

    private static LayerConfig bindLayer(Section s, ConfigNode item, Activation act, double dropout, Init init,
                                         boolean batchNorm) {
        if (item.entries().get("units") == null) {
            throw new InvalidInputException(item.origin().describe() + ": " + s.key("units")
                    + " is required in a layer map, e.g. {units: 64}");
        }
        int units = s.integer("units", 1, 1, MAX_UNITS);
        Activation a = s.choice("activation", act, HIDDEN_ACTIVATIONS);
        double d = s.number("dropout", dropout, Range.FRACTION, "the probability of DROPPING a unit, e.g. 0.1");
        Init in = s.choice("init", init, Init.values());
        boolean bn = s.bool("batch_norm", batchNorm);
        double scale = s.number("learning_rate_scale", 1.0, Range.closed(0, 1000), "1.0 trains at the full rate");
        s.finish();
        return new LayerConfig(units, a, d, in, bn, scale);
    }

    private static Map<String, Object> onlyWritten(Map<String, Object> resolved, ConfigNode item) {
        Map<String, Object> out = new LinkedHashMap<>();
        resolved.forEach((k, v) -> {
            if (item.entries().containsKey(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
