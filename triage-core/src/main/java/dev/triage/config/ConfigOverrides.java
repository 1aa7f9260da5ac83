package dev.triage.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --set key=value} overrides to a configuration document before it is bound. The value
 * is read as YAML ({@code 0.01}, {@code true}, {@code [64, 32]}); relative paths in it are relative to
 * the working directory.
 */
public final class ConfigOverrides {
    private ConfigOverrides() {
    }

    public static ConfigNode apply(ConfigNode root, List<String> overrides, Path workingDir) {
        ConfigNode result = root;
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("--set " + o + ": expected key=value, e.g. --set training.learning_rate=0.01");
            }
            String key = o.substring(0, eq).trim();
            String text = o.substring(eq + 1);
            ConfigNode.Origin origin = ConfigNode.Origin.of("--set " + o, workingDir);
            result = setNode(result, key.split("\\."), 0, parseValue(text, origin), origin);
        }
        return result;
    }

    private static ConfigNode parseValue(String text, ConfigNode.Origin origin) {
        if (text.isEmpty()) {
            return ConfigNode.scalar("", origin);
        }
        try {
            ConfigNode doc = YamlSource.parse("v: " + text, origin.source(), origin.baseDir());
            return withOrigin(doc.entries().get("v"), origin);
        } catch (InvalidInputException e) {
            return ConfigNode.scalar(text, origin);
        }
    }

    private static ConfigNode withOrigin(ConfigNode n, ConfigNode.Origin origin) {
        return ConfigNode.fromJava(n.toJava(), origin);
    }

    private static ConfigNode setNode(ConfigNode map, String[] parts, int i, ConfigNode value, ConfigNode.Origin origin) {
        ConfigNode base = map == null || !map.isMap() ? ConfigNode.map(Map.of(), origin) : map;
        if (i == parts.length - 1) {
            return base.with(parts[i], value);
        }
        ConfigNode child = base.entries().get(parts[i]);
        return base.with(parts[i], setNode(child, parts, i + 1, value, origin));
    }

    /** Sets a dotted key in a plain nested map, creating the maps on the way. */
    @SuppressWarnings("unchecked")
    static void setPath(Map<String, Object> root, String dottedKey, Object value) {
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> cur = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = cur.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                cur.put(parts[i], next);
            }
            cur = (Map<String, Object>) next;
        }
        cur.put(parts[parts.length - 1], value);
    }
}
