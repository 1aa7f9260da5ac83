package dev.triage.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code model.hidden} as {@code run.yaml} writes it: its units and the settings it
 * overrides; a null setting inherits the model-wide value (so a later change of that value still reaches
 * the layer). A layer without overrides is written as its unit count alone, one with overrides as a map
 * ({@code {units: 8, dropout: 0.6}}). Changing a layer changes only what its method names.
 */
public record WrittenLayer(int units, Activation activation, Double dropout, Init init, Boolean batchNorm,
                           Double learningRateScale) {
    /** The written layers of a configuration, in order. */
    public static List<WrittenLayer> of(RunConfig config) {
        List<WrittenLayer> out = new ArrayList<>();
        for (Object entry : (List<?>) config.get("model.hidden")) {
            out.add(entry instanceof Map<?, ?> m ? fromMap(m) : new WrittenLayer(((Number) entry).intValue(), null, null, null,
                    null, null));
        }
        return List.copyOf(out);
    }

    private static WrittenLayer fromMap(Map<?, ?> m) {
        return new WrittenLayer(((Number) m.get("units")).intValue(), choice(Activation.class, m.get("activation")),
                number(m.get("dropout")), choice(Init.class, m.get("init")), (Boolean) m.get("batch_norm"),
                number(m.get("learning_rate_scale")));
    }

    private static <E extends Enum<E> & ConfigChoice> E choice(Class<E> type, Object written) {
        return written == null ? null : ConfigChoice.parse(type, written.toString());
    }

    private static Double number(Object written) {
        return written == null ? null : ((Number) written).doubleValue();
    }

    public WrittenLayer withUnits(int n) {
        return new WrittenLayer(n, activation, dropout, init, batchNorm, learningRateScale);
    }

    /** The layer with its own activation (null: the model-wide one). */
    public WrittenLayer withActivation(Activation a) {
        return new WrittenLayer(units, a, dropout, init, batchNorm, learningRateScale);
    }

    /** The layer with its own dropout (null: the model-wide one). */
    public WrittenLayer withDropout(Double d) {
        return new WrittenLayer(units, activation, d, init, batchNorm, learningRateScale);
    }

    /** The layer with its own initializer (null: the model-wide one). */
    public WrittenLayer withInit(Init i) {
        return new WrittenLayer(units, activation, dropout, i, batchNorm, learningRateScale);
    }

    /** The layer with its own batch-norm switch (null: the model-wide one). */
    public WrittenLayer withBatchNorm(Boolean b) {
        return new WrittenLayer(units, activation, dropout, init, b, learningRateScale);
    }

    /** As {@code run.yaml} writes it: the unit count alone, or a map in the order of the spec. */
    public Object toDocument() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", (long) units);
        putIfSet(m, "activation", activation == null ? null : activation.configName());
        putIfSet(m, "dropout", dropout);
        putIfSet(m, "init", init == null ? null : init.configName());
        putIfSet(m, "batch_norm", batchNorm);
        putIfSet(m, "learning_rate_scale", learningRateScale);
        return m.size() == 1 ? (Object) (long) units : m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
