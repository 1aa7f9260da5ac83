package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.config.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a run that differ from Triage's defaults, found by comparing the resolved
 * configuration with that of a config naming only a data file and a target. Keys whose default is
 * {@code auto} are listed apart: Triage chose them, the user did not.
 */
final class ConfigDiff {
    /** One setting: dotted key, this run's value, the default. */
    record Change(String key, String value, String defaultValue) {
    }

    private ConfigDiff() {
    }

    static List<Change> changes(JsonNode config, boolean automatic) {
        Map<String, String> run = flatten(config);
        Map<String, String> defaults = defaults();
        List<Change> out = new ArrayList<>();
        run.forEach((key, value) -> {
            String d = defaults.get(key);
            if (key.equals("data.path") || key.equals("data.target") || key.equals("output.dir") || Objects.equals(d, value)) {
                return;
            }
            if ("auto".equals(d) == automatic) {
                out.add(new Change(key, value, d == null ? "(not set)" : d));
            }
        });
        return out;
    }

    /**
     * Settings whose value differs from the default although the user did not set them (keys of
     * {@code userSettings}): values Triage detected or resolved, or a repair changed.
     */
    static List<Change> chosenByTriage(JsonNode config, JsonNode userSettings) {
        Map<String, String> defaults = defaults();
        List<Change> out = new ArrayList<>();
        flatten(config).forEach((key, value) -> {
            String d = defaults.get(key);
            boolean given = key.equals("data.path") || key.equals("data.target") || userSettings.has(key);
            if (!given && !Objects.equals(d, value) && !isParentOf(key, userSettings)) {
                out.add(new Change(key, value, d == null ? "(not set)" : d));
            }
        });
        return out;
    }

    private static boolean isParentOf(String key, JsonNode userSettings) {
        for (Iterator<String> it = userSettings.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith(key + ".")) {
                return true;
            }
        }
        return false;
    }

    static Map<String, String> defaults() {
        RunConfig minimal = RunConfig.load(null, List.of("data.path=data.csv", "data.target=target"), Path.of(""));
        return flatten(RunConfigJson.tree(minimal));
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        walk("", node, out);
        return out;
    }

    private static void walk(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    /** The resolved configuration as a JSON tree, as the report writes it. */
    private static final class RunConfigJson {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        static JsonNode tree(RunConfig c) {
            return JSON.valueToTree(c.tree());
        }
    }
}
