package dev.triage.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys of one map of the configuration, validating each value and recording the resolved
 * value (defaults filled in) in the order the schema lists them. Keys that the schema never asked
 * for are reported as unknown when the section is finished.
 */
final class Section {
    private final String path;
    private final ConfigNode node;
    private final ConfigNode.Origin origin;
    private final BindContext ctx;
    private final Map<String, Object> out = new LinkedHashMap<>();
    private final Set<String> asked = new LinkedHashSet<>();

    Section(String path, ConfigNode node, ConfigNode.Origin fallbackOrigin, BindContext ctx) {
        if (node != null && !node.isNull() && !node.isMap()) {
            throw new InvalidInputException(node.origin().describe() + ": " + path + " must be a map of keys, found "
                    + node.describeKind());
        }
        this.path = path;
        this.node = node == null || node.isNull() ? null : node;
        this.origin = this.node == null ? fallbackOrigin : this.node.origin();
        this.ctx = ctx;
    }

    String key(String k) {
        return path.isEmpty() ? k : path + "." + k;
    }

    /** The raw node of a key (null when absent), marking the key as valid. */
    ConfigNode raw(String k) {
        asked.add(k);
        ctx.known(key(k));
        return node == null ? null : node.entries().get(k);
    }

    BindContext context() {
        return ctx;
    }

    ConfigNode.Origin originOf(ConfigNode value) {
        return value == null ? origin : value.origin();
    }

    /** The nested map under {@code k}; an absent key gives a section of defaults. */
    Section child(String k) {
        ConfigNode n = raw(k);
        return new Section(key(k), n, originOf(n), ctx);
    }

    void put(String k, Object resolved) {
        out.put(k, resolved);
    }

    Map<String, Object> output() {
        return out;
    }

    /** Reports keys present in the document that the schema did not ask for. */
    void finish() {
        if (node != null) {
            node.entries().forEach((k, v) -> {
                if (!asked.contains(k)) {
                    ctx.unknown(key(k), v.origin());
                }
            });
        }
    }

    InvalidInputException error(ConfigNode value, String k, String problem) {
        String shown = value == null ? "" : " = " + value.describeKind();
        return new InvalidInputException(originOf(value).describe() + ": " + key(k) + shown + " " + problem);
    }

    double number(String k, double def, Range range, String hint) {
        ConfigNode v = raw(k);
        double d = v == null || v.isNull() ? def : asDouble(v, k, "a number " + range.describe());
        if (!range.contains(d)) {
            throw error(v, k, "is out of range: must be " + range.describe() + (hint.isEmpty() ? "" : " (" + hint + ")"));
        }
        put(k, d);
        return d;
    }

    int integer(String k, int def, int min, int max) {
        ConfigNode v = raw(k);
        int value = v == null || v.isNull() ? def : integerOf(v, k, min, max);
        if (value < min || value > max) {
            throw error(v, k, "is out of range: must be an integer between " + min + " and " + max);
        }
        put(k, (long) value);
        return value;
    }

    /** Validates a node as an integer in [min, max]; {@code k} names it in messages. */
    int integerOf(ConfigNode v, String k, int min, int max) {
        String want = "an integer between " + min + " and " + max;
        double d = asDouble(v, k, want);
        if (d != Math.rint(d)) {
            throw error(v, k, "must be " + want);
        }
        if (d < min || d > max) {
            throw error(v, k, "is out of range: must be " + want);
        }
        return (int) d;
    }

    long longValue(String k, long def) {
        ConfigNode v = raw(k);
        long value = def;
        if (v != null && !v.isNull()) {
            double d = asDouble(v, k, "an integer");
            if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
                throw error(v, k, "must be an integer");
            }
            value = (long) d;
        }
        put(k, value);
        return value;
    }

    boolean bool(String k, boolean def) {
        ConfigNode v = raw(k);
        boolean b = def;
        if (v != null && !v.isNull()) {
            Object o = v.value();
            if (o instanceof Boolean x) {
                b = x;
            } else if ("true".equals(o) || "false".equals(o)) {
                b = Boolean.parseBoolean((String) o);
            } else {
                throw error(v, k, "must be true or false");
            }
        }
        put(k, b);
        return b;
    }

    @SafeVarargs
    final <E extends Enum<E> & ConfigChoice> E choice(String k, E def, E... allowed) {
        ConfigNode v = raw(k);
        E e = def;
        if (v != null && !v.isNull()) {
            e = parseChoice(v, k, allowed);
        }
        put(k, e.configName());
        return e;
    }

    @SafeVarargs
    final <E extends Enum<E> & ConfigChoice> E parseChoice(ConfigNode v, String k, E... allowed) {
        String text = v.isScalar() && v.value() != null ? String.valueOf(v.value()) : null;
        if (v.value() instanceof Boolean b) {
            text = b.toString();
        }
        List<String> names = new ArrayList<>();
        for (E a : allowed) {
            if (a.name().equals(ConfigChoice.FOREIGN)) {
                continue;
            }
            names.add(a.configName());
            if (a.configName().equals(text)) {
                return a;
            }
        }
        String shownNames = String.join(" | ", names).replace("\t", "\\t");
        throw error(v, k, "is not one of " + shownNames + (text == null ? "" : Suggest.hint(text, names)));
    }

    /** A string; {@code def} null with {@code required} false gives null. */
    String string(String k, String def, boolean required) {
        ConfigNode v = raw(k);
        String s = def;
        if (v != null && !v.isNull()) {
            if (!v.isScalar()) {
                throw error(v, k, "must be a single value, not " + v.describeKind());
            }
            s = String.valueOf(v.value());
        }
        if (required && (s == null || s.isBlank())) {
            throw new InvalidInputException(originOf(v).describe() + ": " + key(k) + " is required; add it to the config"
                    + " or pass it on the command line");
        }
        put(k, s);
        return s;
    }

    /** A file or folder path, resolved against the folder of the file that named it. */
    Path path(String k, String def, boolean required) {
        ConfigNode v = raw(k);
        String s = string(k, def, required);
        if (s == null) {
            return null;
        }
        Path base = originOf(v).baseDir();
        Path p = Path.of(s);
        Path resolved = (p.isAbsolute() || base == null ? p : base.resolve(p)).toAbsolutePath().normalize();
        put(k, resolved.toString());
        return resolved;
    }

    /** A list of strings (scalars are accepted as text). */
    List<String> strings(String k, List<String> def, boolean nullable) {
        ConfigNode v = raw(k);
        if (v == null || v.isNull()) {
            put(k, def == null ? null : new ArrayList<>(def));
            if (def == null && !nullable) {
                throw error(v, k, "must be a list");
            }
            return def;
        }
        if (!v.isList()) {
            throw error(v, k, "must be a list like [a, b]");
        }
        List<String> items = new ArrayList<>();
        for (ConfigNode item : v.items()) {
            if (!item.isScalar()) {
                throw error(item, k, "must hold plain values, not " + item.describeKind());
            }
            items.add(item.value() == null ? "" : String.valueOf(item.value()));
        }
        put(k, new ArrayList<>(items));
        return List.copyOf(items);
    }

    /** "auto" (returned as 0) or an integer in range. */
    int autoOrInteger(String k, int min, int max) {
        ConfigNode v = raw(k);
        if (v == null || v.isNull() || "auto".equals(v.value())) {
            put(k, "auto");
            return 0;
        }
        int n = integer(k, min, min, max);
        return n;
    }

    double asDouble(ConfigNode v, String k, String want) {
        Object o = v.value();
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw error(v, k, "must be " + want);
            }
        }
        throw error(v, k, "must be " + want);
    }
}
