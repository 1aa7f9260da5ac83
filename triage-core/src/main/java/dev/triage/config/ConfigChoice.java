package dev.triage.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An enum whose constants are written in {@code run.yaml} as lower-case names ({@code he_normal}). */
public interface ConfigChoice {
    /** The constant that stands for another framework's choice in a run log (never accepted in run.yaml). */
    String FOREIGN = "OTHER";

    String name();

    /** The spelling used in run.yaml and in reports. */
    default String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant spelled {@code text}, or null when no constant has that spelling. */
    static <E extends Enum<E> & ConfigChoice> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.configName().equals(text) && !e.name().equals(FOREIGN)) {
                return e;
            }
        }
        return null;
    }

    /** "a | b | c" for messages. */
    @SafeVarargs
    static <E extends Enum<E> & ConfigChoice> String list(E... values) {
        return Arrays.stream(values).map(ConfigChoice::configName).collect(Collectors.joining(" | "));
    }
}
