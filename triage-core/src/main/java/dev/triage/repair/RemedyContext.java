package dev.triage.repair;

import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import dev.triage.probe.log.RunLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a remedy may look at: the configuration, the finding it answers (its place and evidence) and
 * the run log that finding came from. Remedies are pure: they return a changed configuration.
 */
public record RemedyContext(RunConfig config, Finding finding, RunLog log) {

    double evidence(String name) {
        return finding.evidence().get(name);
    }

    /** The {@code model.hidden} entries with {@code key} changed in every per-layer map that sets it. */
    @SuppressWarnings("unchecked")
    List<Object> hiddenWith(String key, java.util.function.UnaryOperator<Object> change) {
        List<Object> out = new ArrayList<>();
        for (Object layer : (List<Object>) config.get("model.hidden")) {
            if (layer instanceof Map<?, ?> m && m.containsKey(key)) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
                copy.put(key, change.apply(copy.get(key)));
                out.add(copy);
            } else {
                out.add(layer);
            }
        }
        return out;
    }

    /** The {@code model.hidden} entries with their units changed; a layer map keeps its other settings. */
    @SuppressWarnings("unchecked")
    List<Object> hiddenUnits(java.util.function.IntUnaryOperator change) {
        List<Object> out = new ArrayList<>();
        for (Object layer : (List<Object>) config.get("model.hidden")) {
            if (layer instanceof Map<?, ?> m) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
                copy.put("units", (long) change.applyAsInt(((Number) m.get("units")).intValue()));
                out.add(copy);
            } else {
                out.add((long) change.applyAsInt(((Number) layer).intValue()));
            }
        }
        return out;
    }

    /** The {@code model.hidden} entries without a per-layer {@code key}, so the model-wide value applies. */
    @SuppressWarnings("unchecked")
    List<Object> hiddenWithout(String key) {
        List<Object> out = new ArrayList<>();
        for (Object layer : (List<Object>) config.get("model.hidden")) {
            if (layer instanceof Map<?, ?> m && m.containsKey(key)) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
                copy.remove(key);
                out.add(copy.size() == 1 && copy.containsKey("units") ? copy.get("units") : copy);
            } else {
                out.add(layer);
            }
        }
        return out;
    }
}
