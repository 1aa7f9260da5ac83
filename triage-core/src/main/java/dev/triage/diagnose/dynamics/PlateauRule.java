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
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * TRAIN_LOSS_PLATEAU: the training loss has stopped decreasing while the model is still far from what a
 * simple baseline reaches.
 *
 * <p><b>Signal:</b> over the last {@code window} epochs (default 10, after at least 10), the training
 * loss improved by less than {@code minImprovement} (default 1%) of its level, and the validation
 * metric has made less than {@code share} (default 75%) of the best baseline's way from the trivial
 * baseline's value to its own. A loss that sits at more than twice its lowest value has diverged rather
 * than stalled, and is left to TRAIN_LOSS_DIVERGING. <b>Likely causes:</b> a learning rate far
 * too low, vanishing gradients, too much regularization. <b>Remedies:</b> raise the learning rate, use
 * Adam, a schedule with warm-up.
 */
public final class PlateauRule extends BaseRule {
    private final int window;
    private final double minImprovement;
    private final double share;

    public PlateauRule() {
        this(10, 0.01, 0.75);
    }

    public PlateauRule(int window, double minImprovement, double share) {
        super("loss-plateau", "TRAIN_LOSS_PLATEAU", Phase.TRAINING, Signal.EPOCH_LOSSES, Signal.VALIDATION, Signal.BASELINES,
                Signal.SETUP);
        this.window = window;
        this.minImprovement = minImprovement;
        this.share = share;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<EpochPoint> e = log.epochs();
        BaselineResult best = log.baselines().bestResult();
        if (best == null) {
            return none();
        }
        // the first epoch at which the condition held: the same finding however often the rule runs
        for (int end = Math.max(window, 10); end <= e.size(); end++) {
            List<Finding> f = at(log, e, end, best);
            if (!f.isEmpty()) {
                return f;
            }
        }
        return none();
    }

    /** The finding for the epochs [0, end), or none. */
    private List<Finding> at(RunLog log, List<EpochPoint> e, int end, BaselineResult best) {
        EpochPoint now = e.get(end - 1);
        double before = e.get(end - window).trainLoss();
        double improvement = (before - now.trainLoss()) / Math.abs(before);
        if (CurveShape.of(e.subList(0, end)) == CurveShape.ROSE) {
            return none(); // a loss stuck far above its best has diverged (TRAIN_LOSS_DIVERGING), it has not stalled
        }
        boolean regression = log.setup().task() == Task.REGRESSION;
        double metric = now.validationMetric();
        double trivial = log.baselines().trivialResult().validation();
        double progress = (metric - trivial) / (best.validation() - trivial);
        boolean far = best.validation() != trivial && !(progress >= share);
        if (!(improvement < minImprovement) || !far) {
            return none();
        }
        String msg = "the training loss improved by only " + Fmt.pct(Math.max(0, improvement)) + " over the last " + window
                + " epochs while the validation " + (regression ? "RMSE " : "accuracy ") + Fmt.num(metric) + " is far from the "
                + best.name() + " baseline's " + Fmt.num(best.validation()) + ": training has stalled";
        return List.of(LittleToLearn.soften(during(Severity.WARNING, now.epoch(), now.step(), null, msg, Evidence.of("improvement",
                improvement).and("validation_metric", metric).and("best_baseline", best.validation()).and("progress_to_baseline", progress)
                .and("min_improvement", minImprovement),
                Remedy.RAISE_LEARNING_RATE, Remedy.USE_ADAM, Remedy.ADD_LR_SCHEDULE), log));
    }
}
