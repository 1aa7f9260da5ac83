package dev.triage.probe.log;

import java.util.List;

/**
 * Statistics of the inputs the network really received (after the user's own preprocessing), per
 * feature, as a probe in another framework measured them over its first batches. Lets the scaling
 * checks judge what the network saw rather than the raw file. {@code names} may be empty.
 */
public record InputStats(long rows, List<String> names, double[] mean, double[] std, double[] min, double[] max,
                         long[] nonFinite) {
    public InputStats {
        names = names == null ? List.of() : List.copyOf(names);
        mean = mean.clone();
        std = std.clone();
        min = min.clone();
        max = max.clone();
        nonFinite = nonFinite == null ? new long[mean.length] : nonFinite.clone();
    }

    public int features() {
        return mean.length;
    }

    /** The name of feature {@code i}: its own, or "input i" (1-based). */
    public String name(int i) {
        return i < names.size() ? names.get(i) : "input " + (i + 1);
    }
}
