package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.FeatureAssociation;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * DATA_TARGET_LEAK: a single feature predicts the target almost perfectly.
 *
 * <p><b>Signal:</b> per feature, |Pearson r| with the target (regression) or the held-out accuracy
 * of the best one-feature rule (classification), against {@code bound} (default 0.99). For
 * classification the rule must also beat always predicting the majority class by
 * {@code minLift} (default 0.05). <b>Likely causes:</b> a column computed from the target, recorded
 * after the outcome, or a copy of it. Scores look excellent and collapse in production.
 * <b>Remedies:</b> drop the leaking column.
 */
public final class TargetLeakRule extends BaseRule {
    private final double bound;
    private final double minLift;

    public TargetLeakRule() {
        this(0.99, 0.05);
    }

    public TargetLeakRule(double bound, double minLift) {
        super("target-leak", "DATA_TARGET_LEAK", Phase.DATA, Signal.DATA);
        this.bound = bound;
        this.minLift = minLift;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<Finding> out = new ArrayList<>();
        for (FeatureAssociation a : log.data().associations()) {
            boolean correlated = a.absCorrelation() >= bound;
            boolean separates = a.singleFeatureScore() >= bound && a.singleFeatureScore() - a.majorityShare() >= minLift
                    && Double.isNaN(a.absCorrelation());
            if (!correlated && !separates) {
                continue;
            }
            String msg = correlated
                    ? a.column() + " alone correlates with the target at |r| = " + Fmt.num(a.absCorrelation())
                    + ": it is probably derived from the target"
                    : a.column() + " alone predicts the class with " + Fmt.pct(a.singleFeatureScore())
                    + " held-out accuracy (majority class: " + Fmt.pct(a.majorityShare()) + "): it probably leaks the label";
            Evidence ev = correlated ? Evidence.of("abs_correlation", a.absCorrelation()).and("bound", bound)
                    : Evidence.of("single_feature_accuracy", a.singleFeatureScore()).and("majority_share", a.majorityShare())
                    .and("bound", bound);
            out.add(before(Severity.ERROR, a.column(), msg, ev, Remedy.DROP_LEAKING_FEATURE));
        }
        return out;
    }
}
