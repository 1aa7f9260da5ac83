package dev.triage.repair;

import dev.triage.config.RunConfig;
import dev.triage.config.Task;
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

    /**
     * The name the run shows its score under: {@code val_rmse} (regression), {@code val_log_loss}
     * (classification); {@code train_...} when there is no validation split and the training rows are scored.
     */
    public String scoreName() {
        boolean trainRows = log != null && log.evaluation() != null && Double.isNaN(log.evaluation().validationScore())
                && Double.isFinite(log.evaluation().trainScore());
        Task task = log == null || log.setup() == null ? null : log.setup().task();
        String prefix = trainRows ? "train_" : "val_";
        if (task == Task.REGRESSION || task == Task.CLASSIFICATION) {
            return prefix + (task == Task.REGRESSION ? "rmse" : "log_loss");
        }
        return trainRows ? "training-rows score (no validation split)" : "validation score";
    }

    /** The score in the units of {@link #scoreName()}: the RMSE (square root of the MSE score) for regression. */
    public double shownScore() {
        return scoreName().endsWith("_rmse") ? Math.sqrt(score()) : score();
    }

    /** The run's validation metric (rmse or accuracy, as its epoch lines show it); NaN when not recorded. */
    public double validationMetric() {
        return log == null || log.evaluation() == null ? Double.NaN : log.evaluation().validationMetric();
    }

    /** {@code rmse} or {@code accuracy}; null when the log does not say. */
    public String metricName() {
        Task task = log == null || log.setup() == null ? null : log.setup().task();
        return task == Task.REGRESSION ? "rmse" : task == Task.CLASSIFICATION ? "accuracy" : null;
    }

    /** A comparable score: lower is better; a run that produced none counts as infinitely bad. */
    public double score() {
        return Double.isFinite(validationScore) ? validationScore : Double.POSITIVE_INFINITY;
    }
}
