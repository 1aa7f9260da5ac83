package dev.triage.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change of a configuration as typed settings: each sets one key of {@code run.yaml} to one value, so
 * the change is also a list of {@code --set key=value} arguments ({@link #asDocument()} gives each key
 * with the value as the document holds it). Applied by {@link RunConfig#with(ConfigChange)}, which
 * validates the result like any configuration. Immutable.
 */
public final class ConfigChange {
    /** One key set to one value. */
    public record Setting<T>(ConfigKey<T> key, T value) {
        /** The value as the document holds it. */
        public Object documentValue() {
            return key.toDocument(value);
        }
    }

    /** No change. */
    public static final ConfigChange NONE = new ConfigChange(List.of());

    private final List<Setting<?>> settings;

    private ConfigChange(List<Setting<?>> settings) {
        this.settings = Collections.unmodifiableList(settings);
    }

    /** A change of one key. */
    public static <T> ConfigChange of(ConfigKey<T> key, T value) {
        return NONE.and(key, value);
    }

    /** This change and one more key (a key set twice keeps the later value). */
    public <T> ConfigChange and(ConfigKey<T> key, T value) {
        List<Setting<?>> more = new ArrayList<>(settings);
        more.removeIf(s -> s.key().equals(key));
        more.add(new Setting<>(key, value));
        return new ConfigChange(more);
    }

    public List<Setting<?>> settings() {
        return settings;
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }

    /** Each dotted key with its value as the document holds it, in the order set. */
    public Map<String, Object> asDocument() {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach(s -> out.put(s.key().path(), s.documentValue()));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigChange c && c.settings.equals(settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return asDocument().toString();
    }
}
