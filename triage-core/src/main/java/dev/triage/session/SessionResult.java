package dev.triage.session;

import dev.triage.diagnose.Severity;
import dev.triage.report.ReportData;
import dev.triage.repair.RepairOutcome;
import dev.triage.train.StopReason;

/** What a session produced and the exit code it maps to (docs/findings.md: 0, 1, 3; 130 when interrupted). */
public record SessionResult(ReportData report) {
    public static final int OK = 0;
    public static final int ERRORS_REMAIN = 1;
    public static final int REPAIR_FAILED = 3;
    /** The user interrupted the run (128 + SIGINT, as shells report it). */
    public static final int INTERRUPTED = 130;

    /** After a repair, what counts is the run it ended with; otherwise the findings of the run. */
    public int exitCode() {
        if (interrupted()) {
            return INTERRUPTED;
        }
        RepairOutcome r = report.repair();
        if (r != null && r.attempted()) {
            if (r.outcome() == RepairOutcome.Outcome.UNREPAIRABLE) {
                return REPAIR_FAILED;
            }
            return r.finalFindings().stream().anyMatch(f -> f.severity() == Severity.ERROR) ? ERRORS_REMAIN : OK;
        }
        boolean errors = report.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return errors ? ERRORS_REMAIN : OK;
    }

    /** Whether the run was stopped by an interrupt (Ctrl-C). */
    public boolean interrupted() {
        return report.metrics() != null && StopReason.INTERRUPTED.name().equalsIgnoreCase(report.metrics().stopReason());
    }
}
