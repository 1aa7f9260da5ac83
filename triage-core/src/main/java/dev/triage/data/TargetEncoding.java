package dev.triage.data;

import dev.triage.config.Task;
import java.util.List;

/** The target's transform: regression values are scaled as (y - center) / scale; classes map to indices. */
public record TargetEncoding(Task task, double center, double scale, List<String> classes) {
    public TargetEncoding {
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    /** A prediction (or error) in the network's scaled units back in the target's own units. */
    public double toOriginal(double scaled) {
        return scaled * scale + center;
    }

    /** A length (e.g. an RMSE) in scaled units back in the target's units. */
    public double scaleToOriginal(double scaledLength) {
        return scaledLength * Math.abs(scale);
    }
}
