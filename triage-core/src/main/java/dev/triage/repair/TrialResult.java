package dev.triage.repair;

import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.RunLog;
import java.util.List;

/**
 * What the repair loop needs to know about one run: its configuration, findings, run log, the
 * validation score (MSE in target units or log loss; the training rows' score without a validation
 * split; NaN when training did not start or broke off) and the test metric.
 */
public record TrialResult(RunConfig config, List<Finding> findings, RunLog log, double validationScore, double testMetric,
                          String runDir) {
    public TrialResult {
        findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public boolean has(String code) {
        return errors().stream().anyMatch(f -> f.code().equals(code));
    }

    /** What {@link #score()} measures: the validation score, or without a validation split the training rows' one. */
    public String scoreName() {
        boolean train = log != null && log.evaluation() != null && Double.isNaN(log.evaluation().validationScore())
                && Double.isFinite(log.evaluation().trainScore());
        return train ? "training-rows score (no validation split)" : "validation score";
    }

    /** A comparable score: lower is better; a run that produced none counts as infinitely bad. */
    public double score() {
        return Double.isFinite(validationScore) ? validationScore : Double.POSITIVE_INFINITY;
    }
}
