package dev.triage.probe.log;

import java.util.List;

/** Rows of each class in each split (classification only). */
public record SplitClasses(List<String> classes, long[] train, long[] validation, long[] test) {
    public SplitClasses {
        classes = List.copyOf(classes);
    }
}
