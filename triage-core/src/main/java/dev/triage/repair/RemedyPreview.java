package dev.triage.repair;

import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Remedy;
import dev.triage.probe.log.RunLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Shows what a remedy would change, without training: {@link Remedies#apply} on the configuration,
 * then the difference of the two documents as dotted keys, trimmed to the keys needed to reproduce
 * the remedy's configuration exactly. Presentation only: which remedy the repair loop picks is
 * decided elsewhere.
 */
public final class RemedyPreview {
    private RemedyPreview() {
    }

    /** Every remedy of the finding, in its order, as a change of {@code config} (the run's resolved configuration). */
    public static List<RemedyChange> of(Finding finding, RunConfig config, RunLog log) {
        List<RemedyChange> out = new ArrayList<>();
        for (Remedy r : finding.remedies()) {
            out.add(of(r, new RemedyContext(config, finding, log)));
        }
        return out;
    }

    /** The remedy as a change of the context's configuration, or the words for what to do instead. */
    public static RemedyChange of(Remedy r, RemedyContext c) {
        if (!Remedies.automatic(r)) {
            return RemedyChange.action(r, Remedies.describe(r));
        }
        Optional<RunConfig> changed;
        try {
            changed = Remedies.apply(r, c);
        } catch (InvalidInputException | IllegalArgumentException e) {
            return RemedyChange.action(r, Remedies.describe(r) + " (cannot be previewed for this configuration: "
                    + e.getMessage() + ")");
        }
        if (changed.isEmpty() || changed.get().tree().equals(c.config().tree())) {
            return RemedyChange.action(r, "nothing to change in this configuration (already in place, or at its limit)");
        }
        Map<String, Object> changes = minimal(c.config(), changed.get());
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> old = flatten(c.config().tree());
        changes.keySet().forEach(k -> before.put(k, old.get(k)));
        return new RemedyChange(r, changes, before, "");
    }

    /** The differing leaves of {@code after}, without those that {@code before.withAll} does not need to reach it. */
    static Map<String, Object> minimal(RunConfig before, RunConfig after) {
        Map<String, Object> needed = difference(flatten(before.tree()), flatten(after.tree()));
        for (String key : List.copyOf(needed.keySet())) {
            Map<String, Object> without = new LinkedHashMap<>(needed);
            without.remove(key);
            if (!without.isEmpty() && reaches(before, without, after)) {
                needed = without;
            }
        }
        return needed;
    }

    private static boolean reaches(RunConfig from, Map<String, Object> changes, RunConfig to) {
        try {
            return from.withAll(changes).tree().equals(to.tree());
        } catch (InvalidInputException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Leaves of {@code after} whose value differs from (or is absent in) {@code before}. */
    public static Map<String, Object> difference(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> out = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!before.containsKey(k) || !Objects.equals(before.get(k), v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** A configuration document as dotted keys to leaf values (nested maps are walked; lists and nulls are leaves). */
    public static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        walk("", tree, out);
        return out;
    }

    private static void walk(String prefix, Object node, Map<String, Object> out) {
        if (node instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, v) -> walk(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else {
            out.put(prefix, node);
        }
    }
}
