package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_DUPLICATE_ROWS: exact copies of rows.
 *
 * <p><b>Signal:</b> rows identical to an earlier one in every used column, and rows whose features
 * repeat with a different target. <b>Likely causes:</b> repeated records or merges; copies that land
 * in both the training and the held-out split make validation scores optimistic, and conflicting
 * targets cap how well any model can do. <b>Remedies:</b> deduplicate the data; check labels when
 * copies disagree. Default: at least {@code 1%} of rows (or 2 rows) before it is worth saying. A warning
 * when copies disagree on the target in at least {@code minShare} of the rows, else an info (exact copies
 * with the same target are common in real data: 21% of healthy calibration runs, docs/calibration.md).
 */
public final class DuplicateRowsRule extends BaseRule {
    private final double minShare;

    public DuplicateRowsRule() {
        this(0.01);
    }

    public DuplicateRowsRule(double minShare) {
        super("duplicate-rows", "DATA_DUPLICATE_ROWS", Phase.DATA, Signal.DATA);
        this.minShare = minShare;
    }

    @Override
    public List<Finding> check(RunLog log) {
        DuplicateRows d = log.data().duplicates();
        if (d == null || d.duplicates() < Math.max(2, minShare * d.rows())) {
            return none();
        }
        String msg = d.duplicates() + " rows (" + Fmt.pct(d.duplicates() / (double) d.rows()) + ") are exact copies of other rows"
                + (d.conflicting() > 0 ? ", and " + d.conflicting() + " feature combinations appear with different targets" : "");
        Evidence ev = Evidence.of("duplicate_rows", d.duplicates()).and("rows", d.rows()).and("conflicting_targets", d.conflicting());
        Severity severity = d.conflicting() >= Math.max(2, minShare * d.rows()) ? Severity.WARNING : Severity.INFO;
        return List.of(d.conflicting() > 0 ? before(severity, Subject.NONE, msg, ev, Remedy.CHECK_LABELS)
                : before(severity, Subject.NONE, msg, ev));
    }
}
