package dev.triage.session;

import dev.triage.config.RunConfig;
import dev.triage.data.PreparedData;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.SkippedRule;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.RunLog;
import dev.triage.train.RunFolder;
import java.util.List;

/**
 * One diagnosed run of a configuration: its data, the findings, the run log, and the training record
 * ({@code record} is null when a data finding blocked training).
 */
record Attempt(RunConfig config, PreparedData data, RunFolder folder, RunRecord record, List<Finding> findings,
               RunLog log, Baselines baselines, List<SkippedRule> skipped) {
    Attempt {
        findings = List.copyOf(findings);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    boolean trained() {
        return record != null;
    }
}
