package dev.triage.probe.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.config.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Typed access to a record's fields; a wrong value names the file, the line, the field and what was expected. */
final class Fields {
    private final String where;
    private final JsonNode node;

    Fields(String where, JsonNode node) {
        this.where = where;
        this.node = node;
    }

    String where() {
        return where;
    }

    JsonNode node() {
        return node;
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** A nested value, named in messages by {@code label} ("layers[2]"). */
    Fields child(String label, JsonNode value) {
        return new Fields(where + ", " + label, value);
    }

    Fields object(String key) {
        return new Fields(where, node.path(key));
    }

    /** A number, NaN when absent or null; "NaN" and "Infinity" strings are numbers. */
    double num(String key) {
        return num(node.get(key), key);
    }

    double num(JsonNode v, String key) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            switch (v.textValue()) {
                case "NaN": return Double.NaN;
                case "Infinity": case "+Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw bad(key, v, "a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
    }

    long integer(String key, long absent) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (v.isIntegralNumber() || (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()))) {
            return v.longValue();
        }
        throw bad(key, v, "a whole number");
    }

    int count(String key, int absent) {
        long v = integer(key, absent);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw bad(key, node.get(key), "a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    String text(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad(key, v, "a string");
        }
        return v.textValue();
    }

    boolean flag(String key, boolean absent) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw bad(key, v, "true or false");
        }
        return v.booleanValue();
    }

    /** An array of numbers (null entries become NaN); null when absent. */
    double[] numbers(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw bad(key, v, "an array of numbers");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = num(v.get(i), key + "[" + i + "]");
        }
        return out;
    }

    /** An array of whole numbers (a tensor shape); null when absent. */
    int[] dims(String key) {
        double[] d = numbers(key);
        if (d == null) {
            return null;
        }
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] >= 0 && d[i] == Math.rint(d[i]) && d[i] <= Integer.MAX_VALUE)) {
                throw bad(key, node.get(key), "an array of whole numbers (a shape such as [32, 1])");
            }
            out[i] = (int) d[i];
        }
        return out;
    }

    List<String> texts(String key) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    InvalidInputException bad(String key, JsonNode value, String expected) {
        String shown = value == null ? "nothing" : value.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new InvalidInputException(where + ": field '" + key + "' is " + shown + "; expected " + expected
                + " (see docs/telemetry.md)");
    }

    InvalidInputException missing(String key, String expected) {
        return new InvalidInputException(where + ": the record has no '" + key + "'; expected " + expected
                + " (see docs/telemetry.md)");
    }
}
