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
        return first(a, b, "", ignored);
    }

    private static String first(Object a, Object b, String path, Set<String> ignored) {
        if (ignored.contains(path)) {
            return null;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<Object> keys = new LinkedHashSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object k : keys) {
                String d = first(ma.get(k), mb.get(k), path.isEmpty() ? String.valueOf(k) : path + "." + k, ignored);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) {
                if (first(la.get(i), lb.get(i), path, Set.of()) != null) {
                    return path;
                }
            }
            return null;
        }
        return Objects.equals(a, b) ? null : path;
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
        } else if (first(a, b, path, Set.of()) != null) {
            out.put(path, b);
        }
    }
}
