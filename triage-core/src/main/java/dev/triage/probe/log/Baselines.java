package dev.triage.probe.log;

import java.util.List;

/**
 * The baselines a network must beat, and the learnability test: the best non-trivial baseline's
 * relative improvement over the trivial one ({@code gain}), and the share of label permutations
 * whose refit reached that gain ({@code pValue}, over {@code permutations} refits). For classification,
 * {@code accuracyGain} is the cross-validated accuracy of the tested model minus the trivial one's, over
 * {@code rows} rows (NaN and 0 when not measured).
 */
public record Baselines(List<BaselineResult> results, String trivial, String best, double gain, double pValue,
                        int permutations, double accuracyGain, int rows) {
    public Baselines {
        results = List.copyOf(results);
    }

    /** Without a cross-validated accuracy gain. */
    public Baselines(List<BaselineResult> results, String trivial, String best, double gain, double pValue, int permutations) {
        this(results, trivial, best, gain, pValue, permutations, Double.NaN, 0);
    }

    public BaselineResult get(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    public BaselineResult trivialResult() {
        return get(trivial);
    }

    public BaselineResult bestResult() {
        return best == null ? null : get(best);
    }
}
