package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_TARGET_MISSING: rows whose target is missing, empty or non-finite.
 *
 * <p><b>Signal:</b> the rows read without a usable target and where the first of them are. Such rows
 * cannot be trained or scored on, so they are left out — and said so, with their count and places,
 * never silently. A warning; an error when they are more than {@code errorShare} (default 50%) of the
 * rows (most of the file then does not say what it claims to). <b>Likely causes:</b> unlabelled rows
 * mixed into a training file, a failed join, a sentinel or text in the target column.
 * <b>Remedies:</b> check the labels (label the rows, or remove them from the file).
 */
public final class TargetMissingRule extends BaseRule {
    private final double errorShare;

    public TargetMissingRule() {
        this(0.5);
    }

    public TargetMissingRule(double errorShare) {
        super("target-missing", "DATA_TARGET_MISSING", Phase.DATA, Signal.DATA);
        this.errorShare = errorShare;
    }

    @Override
    public List<Finding> check(RunLog log) {
        DataSignals d = log.data();
        if (d.rowsWithoutTarget() <= 0) {
            return none();
        }
        long read = d.rows() + d.rowsWithoutTarget();
        double share = d.rowsWithoutTarget() / (double) Math.max(1, read);
        String target = d.target() == null ? "the target" : "the target " + d.target().name();
        String where = d.targetMissingAt().isEmpty() ? "" : " (" + String.join(", ", d.targetMissingAt())
                + (d.targetMissingAt().size() < d.rowsWithoutTarget() ? ", ..." : "") + ")";
        String msg = d.rowsWithoutTarget() + " of " + read + " rows (" + Fmt.pct(share) + ") have no value for " + target
                + " (missing, empty or non-finite)" + where + "; they are left out of training and evaluation";
        return List.of(before(share > errorShare ? Severity.ERROR : Severity.WARNING, d.target() == null ? Subject.NONE : new Subject.Target(d.target().name()),
                msg, Evidence.of("rows_without_target", d.rowsWithoutTarget()).and("rows_read", read).and("share", share),
                Remedy.CHECK_LABELS));
    }
}
