package dev.triage.diagnose.dynamics;

import dev.triage.config.Task;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * TRAIN_UNDERFITTING: the trained network does not beat the best simple baseline.
 *
 * <p><b>Signal:</b> validation scores (MSE in target units, or log loss) of the final model and of the
 * baselines, as skill = 1 - score / trivial score. An error when the network captures less than
 * {@code errorShare} (default 50%) of the best baseline's skill, a warning below {@code warnShare}
 * (default 80%); quiet when no baseline beats the trivial one (there is nothing to learn, see
 * DATA_NOT_LEARNABLE), after a non-finite loss (TRAIN_NAN_LOSS says why), and for a classifier whose
 * accuracy matches the best baseline's or whose training loss is far below the baseline's validation
 * loss (its validation log loss suffers from overconfidence or memorizing, not from underfitting). <b>Likely causes:</b> a learning rate too low, too few epochs, too much
 * regularization or dropout, dead or saturated units, a network too small. <b>Remedies:</b> train
 * longer or faster, less regularization, more capacity.
 */
public final class UnderfittingRule extends BaseRule {
    private final double errorShare;
    private final double warnShare;

    public UnderfittingRule() {
        this(0.5, 0.8);
    }

    public UnderfittingRule(double errorShare, double warnShare) {
        super("underfitting", "TRAIN_UNDERFITTING", Phase.EVALUATION, Signal.EVALUATION, Signal.BASELINES);
        this.errorShare = errorShare;
        this.warnShare = warnShare;
    }

    /**
     * A classifier as accurate as the best baseline, or one that fits its training rows far better
     * (training log loss under a quarter of the baseline's validation log loss), is not underfitting:
     * its poor validation log loss comes from overconfidence or memorizing, which TRAIN_OVERFITTING judges.
     */
    private static boolean classifiesAsWell(RunLog log, EvaluationSignals ev, BaselineResult best) {
        return log.setup() != null && log.setup().task() == Task.CLASSIFICATION
                && (ev.validationMetric() >= best.validation() || ev.trainLoss() < 0.25 * best.validationLoss());
    }

    @Override
    public List<Finding> check(RunLog log) {
        Baselines b = log.baselines();
        EvaluationSignals ev = log.evaluation();
        BaselineResult best = b.bestResult();
        double trivial = b.trivialResult().validationLoss();
        if (best == null || !(trivial > 0) || !Double.isFinite(ev.validationScore()) || log.nonFinite() != null) {
            return none();
        }
        double baselineSkill = 1 - best.validationLoss() / trivial;
        double netSkill = 1 - ev.validationScore() / trivial;
        if (!(baselineSkill > 0.05) || netSkill >= warnShare * baselineSkill || classifiesAsWell(log, ev, best)) {
            return none();
        }
        Severity sev = netSkill < errorShare * baselineSkill ? Severity.ERROR : Severity.WARNING;
        String msg = "the network's validation score " + Fmt.num(ev.validationScore()) + " captures " + Fmt.pct(Math.max(0, netSkill))
                + " of the improvement over the trivial predictor (" + Fmt.num(trivial) + ") that the " + best.name()
                + " baseline reaches (" + Fmt.num(best.validationLoss()) + ", " + Fmt.pct(baselineSkill) + ")";
        return List.of(before(sev, null, msg, Evidence.of("network_score", ev.validationScore()).and("best_baseline_score",
                best.validationLoss()).and("trivial_score", trivial).and("network_skill", netSkill)
                .and("baseline_skill", baselineSkill), Remedy.RAISE_LEARNING_RATE, Remedy.TRAIN_LONGER,
                Remedy.REDUCE_REGULARIZATION, Remedy.INCREASE_CAPACITY));
    }
}
