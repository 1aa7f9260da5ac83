package dev.triage.diagnose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The numbers behind a finding, in the order they are best read ({@code dead_fraction: 0.93, threshold: 0.7}). */
public final class Evidence {
    private final Map<String, Double> values;

    private Evidence(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Evidence of(String name, double value) {
        return new Evidence(new LinkedHashMap<>()).and(name, value);
    }

    public static Evidence empty() {
        return new Evidence(new LinkedHashMap<>());
    }

    /** A copy with one more number. */
    public Evidence and(String name, double value) {
        Map<String, Double> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new Evidence(m);
    }

    public Map<String, Double> asMap() {
        return values;
    }

    public double get(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
