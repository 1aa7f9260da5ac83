package dev.triage.report;

import java.util.List;

/** The {@code data} object of the JSON report; {@code classes} lists class labels in index order (empty for regression). */
public record DataSummary(String path, int rows, int features, String task, String target, int trainRows,
                          int validationRows, int testRows, String testPath, List<String> classes) {
    public DataSummary {
        classes = classes == null ? List.of() : List.copyOf(classes);
    }
}
