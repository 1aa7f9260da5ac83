package dev.triage.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code training.class_weights}: how much each class's rows count in the loss. {@code none} (every
 * row counts once), {@code balanced} (each class weighs rows / (classes x its rows), so every class
 * counts equally and the mean weight stays 1), or explicit weights by class label ({@code {0: 1,
 * 1: 5}}; classes not named weigh 1). {@code origin} says where the value was written, for errors that
 * can only be found once the data's classes are known.
 */
public record ClassWeights(Mode mode, Map<String, Double> weights, String origin) {
    /** How the weights are chosen. */
    public enum Mode {
        NONE, BALANCED, EXPLICIT
    }

    public static final ClassWeights NONE = new ClassWeights(Mode.NONE, Map.of(), "");

    public ClassWeights {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    public boolean enabled() {
        return mode != Mode.NONE;
    }

    /**
     * The weight of each class for this data: {@code classes} in the model's order, {@code counts} the
     * training rows of each. Null when not weighted.
     */
    public double[] resolve(List<String> classes, long[] counts) {
        if (mode == Mode.NONE) {
            return null;
        }
        for (String named : weights.keySet()) {
            if (!classes.contains(named)) {
                throw new InvalidInputException(origin + ": training.class_weights names class '" + named
                        + "', which the target does not have (classes: " + String.join(", ", classes) + ")"
                        + Suggest.hint(named, classes));
            }
        }
        double[] w = new double[classes.size()];
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        for (int k = 0; k < w.length; k++) {
            w[k] = mode == Mode.BALANCED ? (counts[k] > 0 ? total / ((double) w.length * counts[k]) : 1.0)
                    : weights.getOrDefault(classes.get(k), 1.0);
        }
        return w;
    }

    /** The resolved value as written to run.yaml: "none", "balanced" or the map. */
    Object toTree() {
        return switch (mode) {
            case NONE -> "none";
            case BALANCED -> "balanced";
            case EXPLICIT -> new LinkedHashMap<>(weights);
        };
    }
}
