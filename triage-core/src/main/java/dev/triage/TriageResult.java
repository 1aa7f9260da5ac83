package dev.triage;

import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.Baselines;
import dev.triage.report.ReportData;
import dev.triage.report.RunMetrics;
import dev.triage.session.SessionResult;
import dev.triage.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a run, a check or a diagnosis produced: the findings (worst first), the metrics next to the
 * baselines, the run folder with {@code report.html}, and the exit code the command line would give.
 */
public final class TriageResult {
    private final SessionResult session;

    TriageResult(SessionResult session) {
        this.session = session;
    }

    /** Every finding, worst first (after a repair: those of the original run; see {@link #remainingFindings()}). */
    public List<Finding> findings() {
        return session.report().findings();
    }

    /** The findings still true of the final model (after a repair, those of the run it kept). */
    public List<Finding> remainingFindings() {
        var repair = session.report().repair();
        return repair != null && repair.attempted() ? repair.finalFindings() : findings();
    }

    /** Whether an error-severity finding remains: the run is broken. */
    public boolean hasErrors() {
        return remainingFindings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** 0 no error remains, 1 errors remain, 3 a repair failed (as {@code triage} exits). */
    public int exitCode() {
        return session.exitCode();
    }

    /** Epochs, final losses and test metrics; null for a data check. */
    public RunMetrics metrics() {
        return session.report().metrics();
    }

    /** The simple models the network is compared with; null when none were fitted. */
    public Baselines baselines() {
        return session.report().baselines();
    }

    /** The run folder (run.yaml, metrics.csv, report.json, report.html, signals.jsonl, model.triage). */
    public Optional<Path> runDir() {
        String dir = session.report().runDir();
        return dir == null ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** The trained model with its preprocessing, when the run wrote one. */
    public Optional<TriageModel> model() {
        return runDir().map(d -> new RunFolder(d).model()).filter(Files::isRegularFile).map(TriageModel::load);
    }

    /** The whole report (what {@code report.json} holds). */
    public ReportData report() {
        return session.report();
    }
}
