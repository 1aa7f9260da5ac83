package dev.triage.report;

/** The {@code data} object of the JSON report. */
public record DataSummary(String path, int rows, int features, String task, String target, int trainRows,
                          int validationRows, int testRows, String testPath) {
}
