package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import dev.triage.probe.log.SplitClasses;
import java.util.List;

/**
 * DATA_CLASS_IMBALANCE: the rarest class is much rarer than the most common one in the training split.
 *
 * <p><b>Signal:</b> class counts of the training split. The bound is relative, so ten balanced
 * classes (10% each) are fine: it fires when the rarest class has fewer than {@code ratioBound}
 * (default 0.1, i.e. 1:10) times the rows of the most common class. <b>Likely causes:</b> rare events,
 * subsampling. Accuracy then rewards predicting the majority; watch macro-F1. <b>Remedies:</b>
 * stratified splits, class weights.
 */
public final class ClassImbalanceRule extends BaseRule {
    private final double ratioBound;

    public ClassImbalanceRule() {
        this(0.1);
    }

    public ClassImbalanceRule(double ratioBound) {
        super("class-imbalance", "DATA_CLASS_IMBALANCE", Phase.DATA, Signal.DATA, Signal.SETUP);
        this.ratioBound = ratioBound;
    }

    @Override
    public List<Finding> check(RunLog log) {
        SplitClasses c = log.data().classes();
        if (c == null) {
            return none();
        }
        int rare = 0;
        int common = 0;
        long total = 0;
        for (int i = 0; i < c.train().length; i++) {
            total += c.train()[i];
            rare = c.train()[i] > 0 && (c.train()[rare] == 0 || c.train()[i] < c.train()[rare]) ? i : rare;
            common = c.train()[i] > c.train()[common] ? i : common;
        }
        double ratio = c.train()[common] == 0 ? 1 : c.train()[rare] / (double) c.train()[common];
        if (ratio >= ratioBound) {
            return none();
        }
        double share = c.train()[rare] / (double) Math.max(1, total);
        String msg = "class '" + c.classes().get(rare) + "' is " + Fmt.pct(share) + " of the training split ("
                + c.train()[rare] + " rows against " + c.train()[common] + " of '" + c.classes().get(common)
                + "'); accuracy will reward predicting the majority, judge by macro-F1";
        Evidence ev = Evidence.of("rarest_share", share).and("rarest_to_largest", ratio).and("bound", ratioBound);
        return List.of(log.setup().stratified() ? before(Severity.WARNING, new Subject.TargetClass(c.classes().get(rare)), msg, ev,
                Remedy.REWEIGHT_CLASSES) : before(Severity.WARNING, new Subject.TargetClass(c.classes().get(rare)), msg, ev,
                Remedy.STRATIFY_SPLIT, Remedy.REWEIGHT_CLASSES));
    }
}
