package dev.triage.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A key of {@code run.yaml} with the Java type of its value: a change is made with typed values and
 * written as the document's value (what {@code --set key=value} would read) only when it is applied.
 * The keys code changes are in {@link ConfigKeys}.
 *
 * @param <T> the type of the value
 */
public final class ConfigKey<T> {
    private final String path;
    private final Function<? super T, Object> toDocument;

    private ConfigKey(String path, Function<? super T, Object> toDocument) {
        this.path = Objects.requireNonNull(path);
        this.toDocument = toDocument;
    }

    /** A key whose value is written by {@code toDocument} (a section, or an enum written another way). */
    public static <T> ConfigKey<T> of(String path, Function<? super T, Object> toDocument) {
        return new ConfigKey<>(path, toDocument);
    }

    /** A number, written as a double. */
    public static ConfigKey<Double> number(String path) {
        return new ConfigKey<>(path, v -> v);
    }

    /** A whole number (a count of epochs, rows, ...), written as a long. */
    public static ConfigKey<Integer> count(String path) {
        return new ConfigKey<>(path, Integer::longValue);
    }

    public static ConfigKey<Boolean> flag(String path) {
        return new ConfigKey<>(path, v -> v);
    }

    /** One of an enum's constants, written by its lower-case name ({@code he_normal}). */
    public static <E extends Enum<E> & ConfigChoice> ConfigKey<E> choice(String path) {
        return new ConfigKey<>(path, ConfigChoice::configName);
    }

    /** A list of names (columns, missing-value tokens). */
    public static ConfigKey<List<String>> names(String path) {
        return new ConfigKey<>(path, List::copyOf);
    }

    /** The dotted key, e.g. {@code training.learning_rate}. */
    public String path() {
        return path;
    }

    /** The value as the document holds it. */
    public Object toDocument(T value) {
        return toDocument.apply(Objects.requireNonNull(value, path));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigKey<?> k && k.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
