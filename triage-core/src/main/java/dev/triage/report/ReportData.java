package dev.triage.report;

import dev.triage.diagnose.Finding;
import dev.triage.probe.log.Baselines;
import dev.triage.repair.RepairOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows about one command: what ran on which data, the resolved configuration,
 * the findings, baselines, metrics, repair trials and where the run folder is. Parts that did not
 * happen are null (or empty lists). {@code userSettings} are the dotted keys the user set to something
 * other than the default (null when not known); {@code remedies} the findings' remedies as changes.
 */
public record ReportData(String command, DataSummary data, Map<String, Object> config, List<Finding> findings,
                         Baselines baselines, RunMetrics metrics, RepairOutcome repair, String runDir,
                         List<SkippedCheck> skipped, Map<String, Object> userSettings, RemedyPlans remedies) {
    public ReportData {
        findings = List.copyOf(findings);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        userSettings = userSettings == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(userSettings));
        remedies = remedies == null ? RemedyPlans.NONE : remedies;
    }

    public ReportData(String command, DataSummary data, Map<String, Object> config, List<Finding> findings,
                      Baselines baselines, RunMetrics metrics, RepairOutcome repair, String runDir, List<SkippedCheck> skipped) {
        this(command, data, config, findings, baselines, metrics, repair, runDir, skipped, null, RemedyPlans.NONE);
    }

    public ReportData withUserSettings(Map<String, Object> settings) {
        return new ReportData(command, data, config, findings, baselines, metrics, repair, runDir, skipped, settings, remedies);
    }

    public ReportData withRemedies(RemedyPlans plans) {
        return new ReportData(command, data, config, findings, baselines, metrics, repair, runDir, skipped, userSettings, plans);
    }
}
