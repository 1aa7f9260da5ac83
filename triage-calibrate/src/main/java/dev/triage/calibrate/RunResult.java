package dev.triage.calibrate;

import java.util.List;
import java.util.Map;

/** What one run produced, as the JSON output stores it. */
record RunResult(String id, String population, String dataset, String task, String fault, String kind, String baseId,
                 String column, List<String> overrides, List<FindingRow> findings, Metrics metrics, BaselineRow baselines,
                 int testRows, boolean healthy, double score, double target, String outcome, RepairRow repair, String error,
                 double seconds, double cpuSeconds, Map<String, String> sweep) {

    /** A finding in report order (worst first). */
    record FindingRow(String code, String rule, String severity, String phase, Integer epoch, String where,
                      Map<String, Double> evidence, List<String> remedies, String causedBy) {
    }

    record Metrics(int epochs, String stop, double trainLoss, double validationLoss, String metric, double test,
                   double trainSeconds) {
    }

    record BaselineRow(String best, double trivialTest, double bestTest, double gain, double pValue) {
    }

    record TrialRow(List<String> remedies, boolean kept, String reason) {
    }

    record RepairRow(String outcome, String explanation, List<TrialRow> trials, List<String> finalFindings,
                     double finalTest, double finalTrivial, List<String> finalDropColumns, boolean restored,
                     String verdict, double seconds, double cpuSeconds) {
    }

    boolean has(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    boolean has(String code, String severity) {
        return findings.stream().anyMatch(f -> f.code().equals(code) && f.severity().equals(severity));
    }

    boolean anyError() {
        return findings.stream().anyMatch(f -> f.severity().equals("error"));
    }

    RunResult withRepair(RepairRow r) {
        return new RunResult(id, population, dataset, task, fault, kind, baseId, column, overrides, findings, metrics,
                baselines, testRows, healthy, score, target, outcome, r, error, seconds, cpuSeconds, sweep);
    }
}
