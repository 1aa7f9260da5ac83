package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_CONSTANT_FEATURE: a feature with a single value in the training split.
 *
 * <p><b>Signal:</b> distinct values per feature in the training rows. <b>Likely causes:</b> always-zero
 * pixels or sensors, a filter that fixed a column, an unlucky split. It carries no information; an
 * unguarded standard scaler divides by zero. Triage's scaler uses 1 instead, so for a run Triage trains it
 * is an info (harmless, worth dropping); for a run recorded elsewhere, where the user's own scaler may have
 * divided by zero, a warning.
 * <b>Remedies:</b> drop the column(s).
 */
public final class ConstantFeatureRule extends BaseRule {
    public ConstantFeatureRule() {
        super("constant-feature", "DATA_CONSTANT_FEATURE", Phase.DATA, Signal.DATA);
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<String> constant = log.data().features().stream().filter(ColumnProfile::constantInTrain)
                .map(ColumnProfile::name).toList();
        if (constant.isEmpty()) {
            return none();
        }
        String shown = String.join(", ", constant.subList(0, Math.min(8, constant.size())))
                + (constant.size() > 8 ? " and " + (constant.size() - 8) + " more" : "");
        String msg = constant.size() + " feature(s) have a single value in the training split: " + shown;
        Severity severity = log.origin() == null || !log.origin().foreign() ? Severity.INFO : Severity.WARNING;
        return List.of(before(severity, Subject.place(shown), msg, Evidence.of("constant_features", constant.size())
                .and("features", log.data().features().size()), Remedy.DROP_CONSTANT_FEATURES));
    }
}
