package dev.triage.diagnose.data;

import dev.triage.config.Task;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_TARGET_LOOKS_CATEGORICAL (warning, shown before training): a regression target with few
 * distinct integer values.
 *
 * <p><b>Signal:</b> the target's distinct values, all integers, at most {@code maxDistinct}
 * (default 20). <b>Likely causes:</b> class codes or an ordinal grade. Regression is a valid choice for
 * an ordinal target; if the numbers are labels, the message gives the exact switch
 * ({@code --task classification}, or {@code data.task: classification}). Not applied automatically:
 * it changes what is predicted and how it is scored.
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
        String msg = "the target " + t.name() + " has only " + t.distinct() + " distinct integer values and is trained as"
                + " regression; if they are class labels, train with --task classification (data.task: classification)";
        return List.of(before(Severity.WARNING, new Subject.Target(t.name()), msg, Evidence.of("distinct_values", t.distinct()).and("bound", maxDistinct)));
    }
}
