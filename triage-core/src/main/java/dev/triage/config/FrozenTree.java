package dev.triage.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, unmodifiable copies of configuration documents (nested maps, lists and scalars). A resolved
 * configuration is compared and used as a hash key (the repair loop never runs one twice), so nothing
 * may change it after it was bound: every map and list of the copy refuses changes, and the copy shares
 * nothing mutable with what it was made from. Maps keep their key order and may hold nulls.
 */
final class FrozenTree {
    private FrozenTree() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, ?> tree) {
        return (Map<String, Object>) freeze(tree);
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), freeze(v)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(freeze(v)));
            return Collections.unmodifiableList(out);
        }
        return scalar(value);
    }

    /** The immutable scalars a document holds; a number is a Long or a Double, as when read from YAML. */
    static Object scalar(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof ConfigChoice c) {
            return c.configName();
        }
        if (value instanceof java.nio.file.Path p) {
            return p.toString();
        }
        throw new IllegalArgumentException("not a configuration value: " + value.getClass().getName() + " " + value);
    }
}
