package dev.triage.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects every valid key and every unknown one while a document is bound, to report unknowns at the end. */
final class BindContext {
    private final Set<String> knownKeys = new LinkedHashSet<>();
    private final List<String> unknownMessages = new ArrayList<>();
    private final List<String> unknownKeys = new ArrayList<>();

    void known(String fullKey) {
        knownKeys.add(fullKey);
    }

    void unknown(String fullKey, ConfigNode.Origin origin) {
        unknownKeys.add(fullKey);
        unknownMessages.add(origin.describe());
    }

    /** Throws for the first unknown key, naming the closest valid one. */
    void failOnUnknown() {
        if (unknownKeys.isEmpty()) {
            return;
        }
        String key = unknownKeys.get(0);
        String hint = Suggest.hint(key, knownKeys);
        if (hint.isEmpty()) {
            hint = "; see docs/run-config.md for the valid keys";
        }
        throw new InvalidInputException(unknownMessages.get(0) + ": unknown key '" + key + "'" + hint);
    }
}
