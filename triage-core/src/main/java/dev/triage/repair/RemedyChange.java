package dev.triage.repair;

import dev.triage.diagnose.Remedy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one remedy would do to one configuration: the dotted keys it sets and their new values
 * ({@code changes}, the fewest keys that reproduce the remedy exactly), their values before
 * ({@code before}; null where unset), and, when no change of the configuration expresses it (checking
 * the labels, reshaping a tensor in someone else's training code) or it is already in place,
 * {@code action}: what to do instead, in words.
 */
public record RemedyChange(Remedy remedy, Map<String, Object> changes, Map<String, Object> before, String action) {
    public RemedyChange {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        action = action == null ? "" : action;
    }

    /** A remedy that is not a configuration change: only words. */
    public static RemedyChange action(Remedy remedy, String action) {
        return new RemedyChange(remedy, Map.of(), Map.of(), action);
    }

    /** Whether the remedy is a change of the configuration (else see {@link #action()}). */
    public boolean isChange() {
        return !changes.isEmpty();
    }
}
