package dev.triage.diagnose.dynamics;

import dev.triage.config.Task;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
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
 * baselines, as skill = 1 - score / trivial score, and the residual ratio = network score / best
 * baseline score. An error when the network captures less than {@code errorShare} (default 50%) of
 * the best baseline's skill, or less than {@code warnShare} (default 80%) of it while leaving more than
 * {@code residualBound} (default 5) times the baseline's remaining loss (a baseline near perfection,
 * a network far from it; for a classifier this counts only when it is also clearly less accurate); a
 * warning below {@code warnShare}, or above {@code residualBound} alone. A classifier within 2 points (and
 * 2 standard errors) of the best baseline's accuracy gets a warning at most: its log loss trails through
 * overconfidence, not through missing the pattern (calibrated on healthy census-income classifiers).
 * Quiet when no baseline beats the trivial one by 5% (see DATA_NOT_LEARNABLE), after a non-finite
 * loss (TRAIN_NAN_LOSS says why), and for a classifier whose accuracy matches the best baseline's or
 * whose training loss is far below the baseline's validation loss (overconfidence or memorizing,
 * which TRAIN_OVERFITTING judges). <b>Likely causes:</b> a learning rate too low or too high, too few
 * epochs, too much regularization, dead or saturated units, a network too small. <b>Remedies</b>
 * follow the training curve ({@link CurveShape}): a loss that rose gets a lower rate, one still falling
 * more epochs, a flat one less regularization and more capacity.
 */
public final class UnderfittingRule extends BaseRule {
    private final double errorShare;
    private final double warnShare;
    private final double residualBound;

    public UnderfittingRule() {
        this(0.5, 0.8, 5);
    }

    public UnderfittingRule(double errorShare, double warnShare, double residualBound) {
        super("underfitting", "TRAIN_UNDERFITTING", Phase.EVALUATION, Signal.EVALUATION, Signal.BASELINES);
        this.errorShare = errorShare;
        this.warnShare = warnShare;
        this.residualBound = residualBound;
    }

    /** A classifier as accurate as the best baseline, or one that fits its training rows far better. */
    private static boolean classifiesAsWell(RunLog log, EvaluationSignals ev, BaselineResult best) {
        return log.setup() != null && log.setup().task() == Task.CLASSIFICATION
                && (ev.validationMetric() >= best.validation() || ev.trainLoss() < 0.25 * best.validationLoss());
    }

    /**
     * A classifier's log loss can be many times a near-perfect baseline's while it is nearly as accurate;
     * the residual ratio counts only when its accuracy trails by more than 2 standard errors and 2 points.
     */
    private static boolean clearlyLessAccurate(RunLog log, EvaluationSignals ev, BaselineResult best) {
        double p = best.validation();
        double se = Math.sqrt(Math.max(p * (1 - p), 0.01) / Math.max(1, log.setup().validationRows()));
        return best.validation() - ev.validationMetric() > Math.max(0.02, 2 * se);
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
        double share = netSkill / baselineSkill;
        double residual = ev.validationScore() / best.validationLoss();
        boolean far = residual > residualBound && (log.setup() == null || log.setup().task() != Task.CLASSIFICATION
                || clearlyLessAccurate(log, ev, best));
        if (!(baselineSkill > 0.05) || share >= warnShare && !far || classifiesAsWell(log, ev, best)) {
            return none();
        }
        boolean classifier = log.setup() != null && log.setup().task() == Task.CLASSIFICATION;
        boolean nearlyAsAccurate = classifier && !clearlyLessAccurate(log, ev, best);
        Severity sev = (share < errorShare || share < warnShare && far) && !nearlyAsAccurate ? Severity.ERROR : Severity.WARNING;
        // shown in the units the run prints (val_rmse, val_log_loss); judged on MSE and log loss
        boolean regression = log.setup() == null || log.setup().task() != Task.CLASSIFICATION;
        java.util.function.DoubleUnaryOperator shown = regression ? Math::sqrt : x -> x;
        String name = regression ? "val_rmse" : "val_log_loss";
        String msg = "the network's " + name + " " + Fmt.num(shown.applyAsDouble(ev.validationScore())) + " captures "
                + Fmt.pct(Math.max(0, netSkill)) + " of the improvement over the trivial predictor (" + Fmt.num(shown.applyAsDouble(trivial))
                + ") that the " + best.name() + " baseline reaches (" + Fmt.num(shown.applyAsDouble(best.validationLoss())) + ", "
                + Fmt.pct(baselineSkill) + " of it); it leaves " + Fmt.num(residual) + "x the baseline's "
                + (regression ? "squared error" : "log loss");
        CurveShape shape = CurveShape.of(log.epochs());
        return List.of(before(sev, Subject.NONE, msg, Evidence.of("network_score", ev.validationScore()).and("best_baseline_score",
                best.validationLoss()).and("trivial_score", trivial).and("network_skill", netSkill)
                .and("baseline_skill", baselineSkill).and("residual_ratio", residual), shape.underfittingRemedies()));
    }
}
