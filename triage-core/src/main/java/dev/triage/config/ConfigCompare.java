package dev.triage.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Finds where two resolved configuration documents differ. */
public final class ConfigCompare {
    private ConfigCompare() {
    }

    /**
     * The first dotted key (in document order) whose value differs between {@code a} and {@code b},
     * skipping the keys in {@code ignored}; null when they are equal.
     */
    public static String firstDifference(Map<String, Object> a, Map<String, Object> b, Set<String> ignored) {
        return differences(a, b, ignored).keySet().stream().findFirst().orElse(null);
    }

    /**
     * Every dotted key whose value differs between {@code a} and {@code b}, with its value in {@code b}
     * (null where {@code b} lacks it), in document order, skipping {@code ignored}; lists compare whole.
     */
    public static Map<String, Object> differences(Map<String, Object> a, Map<String, Object> b, Set<String> ignored) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        collect(a, b, "", ignored, out);
        return out;
    }

    private static void collect(Object a, Object b, String path, Set<String> ignored, Map<String, Object> out) {
        if (ignored.contains(path)) {
            return;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<Object> keys = new LinkedHashSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object k : keys) {
                collect(ma.get(k), mb.get(k), path.isEmpty() ? String.valueOf(k) : path + "." + k, ignored, out);
            }
        } else if (!Objects.equals(a, b)) { // lists compare whole, maps inside them deeply
            out.put(path, b);
        }
    }
}
