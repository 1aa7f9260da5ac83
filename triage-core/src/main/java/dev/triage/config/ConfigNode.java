package dev.triage.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a configuration document with where it came from (file, line, column), so that errors
 * can point at the exact place. A node is a map, a list or a scalar (String, Long, Double, Boolean
 * or null). Nodes are immutable: their maps and lists are unmodifiable copies.
 */
public final class ConfigNode {
    /**
     * Where a node came from; {@code line} is 0 when unknown (overrides, repairs). Relative paths in
     * the node are resolved against {@code baseDir}, the folder of the file that named them.
     */
    public record Origin(String source, Path baseDir, int line, int column) {
        public static Origin of(String source, Path baseDir) {
            return new Origin(source, baseDir, 0, 0);
        }

        /** "run.yaml:12" or "run.yaml" when the line is unknown. */
        public String describe() {
            return line > 0 ? source + ":" + line : source;
        }
    }

    private final Map<String, ConfigNode> map;
    private final List<ConfigNode> list;
    private final Object scalar;
    private final Origin origin;

    private ConfigNode(Map<String, ConfigNode> map, List<ConfigNode> list, Object scalar, Origin origin) {
        this.map = map;
        this.list = list;
        this.scalar = scalar;
        this.origin = origin;
    }

    public static ConfigNode map(Map<String, ConfigNode> entries, Origin origin) {
        return new ConfigNode(Collections.unmodifiableMap(new LinkedHashMap<>(entries)), null, null, origin);
    }

    public static ConfigNode list(List<ConfigNode> items, Origin origin) {
        return new ConfigNode(null, List.copyOf(items), null, origin);
    }

    /** A String, Long, Double, Boolean or null (other numbers are widened; anything mutable is refused). */
    public static ConfigNode scalar(Object value, Origin origin) {
        return new ConfigNode(null, null, FrozenTree.scalar(value), origin);
    }

    /** Converts plain Java values (maps, lists, scalars) into nodes with the given origin. */
    public static ConfigNode fromJava(Object value, Origin origin) {
        if (value instanceof ConfigNode node) {
            return node;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            m.forEach((k, v) -> entries.put(String.valueOf(k), fromJava(v, origin)));
            return map(entries, origin);
        }
        if (value instanceof List<?> l) {
            List<ConfigNode> items = new ArrayList<>();
            l.forEach(v -> items.add(fromJava(v, origin)));
            return list(items, origin);
        }
        return scalar(value, origin);
    }

    /** Converts back into plain Java values (LinkedHashMap, List, scalars). */
    public Object toJava() {
        if (map != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, v.toJava()));
            return out;
        }
        if (list != null) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(v.toJava()));
            return out;
        }
        return scalar;
    }

    public boolean isMap() {
        return map != null;
    }

    public boolean isList() {
        return list != null;
    }

    public boolean isScalar() {
        return map == null && list == null;
    }

    public boolean isNull() {
        return isScalar() && scalar == null;
    }

    public Map<String, ConfigNode> entries() {
        return map == null ? Map.of() : map;
    }

    public List<ConfigNode> items() {
        return list == null ? List.of() : list;
    }

    public Object value() {
        return scalar;
    }

    public Origin origin() {
        return origin;
    }

    /** A copy of this map node with one entry replaced (or added), keeping the order. */
    public ConfigNode with(String key, ConfigNode value) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>(entries());
        entries.put(key, value);
        return map(entries, origin);
    }

    /** What kind of value this is, for error messages. */
    public String describeKind() {
        if (map != null) {
            return "a map";
        }
        if (list != null) {
            return "a list";
        }
        if (scalar == null) {
            return "null";
        }
        if (scalar instanceof String s) {
            return "'" + s + "'";
        }
        return String.valueOf(scalar);
    }
}
