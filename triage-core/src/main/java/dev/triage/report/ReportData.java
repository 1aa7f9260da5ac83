package dev.triage.report;

import dev.triage.diagnose.Finding;
import dev.triage.probe.log.Baselines;
import dev.triage.repair.RepairOutcome;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows about one command: what ran on which data, the resolved configuration,
 * the findings, baselines, metrics, repair trials and where the run folder is. Parts that did not
 * happen are null (or empty lists).
 */
public record ReportData(String command, DataSummary data, Map<String, Object> config, List<Finding> findings,
                         Baselines baselines, RunMetrics metrics, RepairOutcome repair, String runDir,
                         List<SkippedCheck> skipped) {
    public ReportData {
        findings = List.copyOf(findings);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }
}
