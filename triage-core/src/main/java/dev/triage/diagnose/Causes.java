package dev.triage.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Root causes before symptoms. One cause produces many symptoms (unscaled inputs → exploding
 * gradients, dead ReLUs, a plateau, underfitting); this small explicit table says which finding can
 * explain which, and {@link #link} marks each finding with the most fundamental finding of the same
 * run that explains it. A cause must come first: from an earlier phase (data → config → init →
 * training → evaluation), or in training no later than its consequence. A configured learning rate
 * explains divergence only when it is too high and a plateau only when it is too low (its evidence
 * says which). A data finding explains another of the same phase only about the same column (a column of
 * identifiers explains its values unseen in training). Info findings explain nothing.
 */
public final class Causes {
    private static final Set<String> INSTABILITY = Set.of("TRAIN_NAN_LOSS", "TRAIN_LOSS_DIVERGING", "TRAIN_LOSS_OSCILLATING",
            "TRAIN_EXPLODING_GRADIENTS", "TRAIN_DEAD_RELU", "TRAIN_SATURATED_ACTIVATIONS", "TRAIN_UPDATE_RATIO",
            "TRAIN_UNDERFITTING", "TRAIN_PREDICTS_CONSTANT", "TRAIN_LOSS_PLATEAU", "INIT_LOSS_UNEXPECTED", "INIT_ACTIVATION_SCALE");
    private static final Set<String> SLOWNESS = Set.of("TRAIN_LOSS_PLATEAU", "TRAIN_UPDATE_RATIO", "TRAIN_UNDERFITTING",
            "TRAIN_STILL_IMPROVING", "TRAIN_VANISHING_GRADIENTS", "TRAIN_PREDICTS_CONSTANT");
    private static final Set<String> NO_SIGNAL = Set.of("TRAIN_PREDICTS_CONSTANT", "TRAIN_UNDERFITTING", "TRAIN_LOSS_PLATEAU",
            "TRAIN_STILL_IMPROVING");
    private static final Map<String, Set<String>> EXPLAINS = Map.ofEntries(
            Map.entry("DATA_NON_FINITE", Set.of("TRAIN_NAN_LOSS", "INIT_LOSS_UNEXPECTED")),
            Map.entry("DATA_UNSCALED", INSTABILITY),
            Map.entry("DATA_TARGET_UNSCALED", INSTABILITY),
            Map.entry("DATA_NOT_LEARNABLE", Set.of("TRAIN_UNDERFITTING", "TRAIN_LOSS_PLATEAU", "TRAIN_PREDICTS_CONSTANT",
                    "TRAIN_OVERFITTING", "TRAIN_STILL_IMPROVING")),
            Map.entry("DATA_TOO_SMALL", Set.of("TRAIN_OVERFITTING")),
            Map.entry("DATA_CLASS_IMBALANCE", Set.of("TRAIN_PREDICTS_CONSTANT")),
            Map.entry("DATA_TARGET_MISSING", Set.of("TRAIN_NAN_LOSS")),
            Map.entry("LOSS_SHAPE_BROADCAST", Set.of("TRAIN_PREDICTS_CONSTANT", "TRAIN_UNDERFITTING", "TRAIN_LOSS_PLATEAU")),
            Map.entry("CONFIG_OUTPUT_LOSS_MISMATCH", Set.of("TRAIN_PREDICTS_CONSTANT", "TRAIN_UNDERFITTING", "TRAIN_LOSS_PLATEAU",
                    "INIT_LOSS_UNEXPECTED", "TRAIN_SATURATED_ACTIVATIONS", "TRAIN_UPDATE_RATIO", "TRAIN_NAN_LOSS")),
            Map.entry("CONFIG_INIT", Set.of("INIT_ACTIVATION_SCALE", "INIT_LOSS_UNEXPECTED", "TRAIN_DEAD_RELU",
                    "TRAIN_PREDICTS_CONSTANT", "TRAIN_VANISHING_GRADIENTS", "TRAIN_EXPLODING_GRADIENTS",
                    "TRAIN_SATURATED_ACTIVATIONS", "TRAIN_LOSS_PLATEAU", "TRAIN_UNDERFITTING", "TRAIN_NAN_LOSS")),
            Map.entry("CONFIG_REGULARIZATION", NO_SIGNAL),
            Map.entry("CONFIG_DROPOUT", Set.of("TRAIN_UNDERFITTING", "TRAIN_LOSS_PLATEAU", "TRAIN_PREDICTS_CONSTANT",
                    "TRAIN_LOSS_OSCILLATING")),
            Map.entry("CONFIG_BATCH_SIZE", Set.of("TRAIN_LOSS_PLATEAU", "TRAIN_UNDERFITTING", "TRAIN_LOSS_OSCILLATING",
                    "TRAIN_STILL_IMPROVING", "TRAIN_UPDATE_RATIO")),
            Map.entry("CONFIG_SCHEDULE", SLOWNESS),
            Map.entry("INIT_ACTIVATION_SCALE", Set.of("TRAIN_VANISHING_GRADIENTS", "TRAIN_EXPLODING_GRADIENTS",
                    "TRAIN_SATURATED_ACTIVATIONS", "TRAIN_DEAD_RELU")),
            Map.entry("TRAIN_EXPLODING_GRADIENTS", Set.of("TRAIN_NAN_LOSS", "TRAIN_LOSS_DIVERGING", "TRAIN_DEAD_RELU")),
            Map.entry("TRAIN_LOSS_DIVERGING", Set.of("TRAIN_NAN_LOSS", "TRAIN_UNDERFITTING")),
            Map.entry("TRAIN_DEAD_RELU", NO_SIGNAL),
            Map.entry("TRAIN_SATURATED_ACTIVATIONS", Set.of("TRAIN_VANISHING_GRADIENTS", "TRAIN_LOSS_PLATEAU",
                    "TRAIN_UNDERFITTING", "TRAIN_PREDICTS_CONSTANT")),
            Map.entry("TRAIN_VANISHING_GRADIENTS", NO_SIGNAL),
            Map.entry("TRAIN_LOSS_OSCILLATING", Set.of("TRAIN_UNDERFITTING")),
            Map.entry("TRAIN_PREDICTS_CONSTANT", Set.of("TRAIN_UNDERFITTING", "TRAIN_LOSS_PLATEAU")));

    /** Findings of the same phase that explain another about the same column (an identifier's unseen values). */
    private static final Map<String, Set<String>> EXPLAINS_ON_SAME_COLUMN = Map.of(
            "DATA_HIGH_CARDINALITY", Set.of("DATA_UNSEEN_CATEGORY"));

    private Causes() {
    }

    /**
     * The findings with their causes linked, ordered root causes first, each followed by the findings it
     * explains; {@code ranked} is in report order (worst first). A root cause ranks with the worst finding it
     * explains, then by its own severity; among equals one that explains others comes before an isolated one.
     */
    public static List<Finding> link(List<Finding> ranked) {
        List<Finding> byOrigin = new ArrayList<>(ranked);
        byOrigin.sort(Comparator.comparingInt((Finding f) -> f.phase().ordinal())
                .thenComparingLong(f -> f.step() == null ? -1 : f.step()));
        Map<String, Finding> linked = new LinkedHashMap<>();
        for (Finding f : byOrigin) {
            Finding cause = cause(f, byOrigin);
            linked.put(f.identity(), f.causedBy(cause == null ? null : root(cause, byOrigin).identity()));
        }
        List<List<Finding>> groups = new ArrayList<>();
        for (Finding f : ranked) {
            Finding l = linked.get(f.identity());
            if (l.isRootCause()) {
                List<Finding> group = new ArrayList<>(List.of(l));
                ranked.stream().map(x -> linked.get(x.identity())).filter(x -> f.identity().equals(x.causedBy())).forEach(group::add);
                groups.add(group);
            }
        }
        // a root cause ranks as its worst consequence (a warning that explains an error comes with the errors),
        // then by its own severity, and one that explains others before an isolated finding; otherwise report order
        groups.sort(Comparator.comparingInt((List<Finding> g) -> -g.stream().mapToInt(x -> x.severity().rank()).max().orElse(0))
                .thenComparingInt(g -> -g.get(0).severity().rank()).thenComparingInt(g -> g.size() > 1 ? 0 : 1));
        List<Finding> out = new ArrayList<>();
        groups.forEach(out::addAll);
        return out;
    }

    /** The most fundamental finding that explains {@code f} directly, or null. */
    private static Finding cause(Finding f, List<Finding> byOrigin) {
        for (Finding c : byOrigin) {
            if (c != f && explains(c, f)) {
                return c;
            }
        }
        return null;
    }

    /** Follows causes up to a finding nothing explains (the table has no cycles through earlier findings). */
    private static Finding root(Finding f, List<Finding> byOrigin) {
        Finding current = f;
        for (int hops = 0; hops < byOrigin.size(); hops++) {
            Finding up = cause(current, byOrigin);
            if (up == null) {
                return current;
            }
            current = up;
        }
        return current;
    }

    static boolean explains(Finding cause, Finding effect) {
        if (sameColumn(cause, effect)) {
            return true;
        }
        if (cause.severity() == Severity.INFO || !EXPLAINS.getOrDefault(cause.code(), Set.of()).contains(effect.code())
                && !rate(cause, effect)) {
            return false;
        }
        int phases = Integer.compare(cause.phase().ordinal(), effect.phase().ordinal());
        if (phases != 0) {
            return phases < 0;
        }
        return cause.step() != null && effect.step() != null && cause.step() <= effect.step() && !cause.code().equals(effect.code());
    }

    /** An identifier column explains the values of it a split has that training never saw. */
    private static boolean sameColumn(Finding cause, Finding effect) {
        return cause.severity() != Severity.INFO && cause.subject() instanceof Subject.Column c
                && effect.subject() instanceof Subject.Column e && c.name().equals(e.name())
                && EXPLAINS_ON_SAME_COLUMN.getOrDefault(cause.code(), Set.of()).contains(effect.code());
    }

    /** A learning rate far off explains instability when too high, slowness when too low. */
    private static boolean rate(Finding cause, Finding effect) {
        if (!cause.code().equals("CONFIG_LEARNING_RATE")) {
            return false;
        }
        double rate = cause.evidence().get("effective_rate");
        double high = cause.evidence().get("usual_high");
        boolean tooHigh = rate > high;
        return tooHigh ? INSTABILITY.contains(effect.code()) : SLOWNESS.contains(effect.code());
    }
}
