package dev.triage.diagnose.data;

import dev.triage.config.Task;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_TARGET_LOOKS_CATEGORICAL (shown before training): a regression target with few distinct integer
 * values.
 *
 * <p><b>Signal:</b> the target's distinct values, all integers, at most {@code maxDistinct}
 * (default 20). A warning when they are exactly the codes 0..k-1 or 1..k (no gaps), the way class labels
 * are stored; an info otherwise (a grade from 3 to 9, a count): calibration found the warning on 17% of
 * healthy runs, all of them regressions on an ordinal quality grade (docs/calibration.md).
 * <b>Likely causes:</b> class codes, or an ordinal grade. Regression is a valid choice for an ordinal
 * target; if the numbers are labels, the message gives the exact switch ({@code --task classification},
 * or {@code data.task: classification}). Not applied automatically: it changes what is predicted and how
 * it is scored.
 */
public final class TargetLooksCategoricalRule extends BaseRule {
    private final int maxDistinct;

    public TargetLooksCategoricalRule() {
        this(20);
    }

    public TargetLooksCategoricalRule(int maxDistinct) {
        super("target-looks-categorical", "DATA_TARGET_LOOKS_CATEGORICAL", Phase.DATA, Signal.DATA, Signal.SETUP);
        this.maxDistinct = maxDistinct;
    }

    @Override
    public List<Finding> check(RunLog log) {
        ColumnProfile t = log.data().target();
        if (log.setup().task() != Task.REGRESSION || t == null || !t.integers() || t.distinct() > maxDistinct) {
            return none();
        }
        var range = t.summary();
        boolean codes = range != null && (range.min() == 0 || range.min() == 1) && range.max() - range.min() + 1 == t.distinct();
        String msg = "the target " + t.name() + " has only " + t.distinct() + " distinct integer values"
                + (codes ? " (" + Fmt.num(range.min()) + " to " + Fmt.num(range.max()) + ", as class codes are stored)" : "")
                + " and is trained as regression; if they are class labels, train with --task classification"
                + " (data.task: classification)" + (codes ? "" : "; for a grade or a count, regression is a fine choice");
        Evidence evidence = Evidence.of("distinct_values", t.distinct()).and("bound", maxDistinct);
        if (range != null) {
            evidence = evidence.and("min", range.min()).and("max", range.max());
        }
        return List.of(before(codes ? Severity.WARNING : Severity.INFO, new Subject.Target(t.name()), msg, evidence));
    }
}
