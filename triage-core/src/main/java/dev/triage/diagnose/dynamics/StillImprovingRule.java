package dev.triage.diagnose.dynamics;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * TRAIN_STILL_IMPROVING: the validation loss is still falling steeply when the last epoch ends.
 *
 * <p><b>Signal:</b> the validation loss over the last {@code window} epochs (at least 3, or a tenth
 * of the run; default 5): it fell by at least {@code minDrop} (default 1%) of its level per epoch on
 * average, and the last epoch is within 1% of the best. A run with fewer epochs than that is judged over
 * all of them, on a drop of {@code 3 minDrop / window} per epoch (a 2-epoch run: 3%). Judged when training has ended with every
 * planned epoch run (early stopping, a stop on a non-finite value, or a run that has not ended are
 * not judged). A warning: the model is fine as far as it went, but stopped before it was done.
 * <b>Likely causes:</b> too few epochs, or a learning rate on the low side. <b>Remedies:</b> train
 * longer (or resume the run with more epochs).
 */
public final class StillImprovingRule extends BaseRule {
    private final int window;
    private final double minDrop;

    public StillImprovingRule() {
        this(5, 0.01);
    }

    public StillImprovingRule(int window, double minDrop) {
        super("still-improving", "TRAIN_STILL_IMPROVING", Phase.TRAINING, Signal.VALIDATION, Signal.SETUP, Signal.EVALUATION);
        this.window = window;
        this.minDrop = minDrop;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<EpochPoint> e = log.epochs();
        // a run shorter than the window is judged over all its epochs, on a steeper drop per epoch
        int w = Math.min(Math.max(3, Math.max(window, e.size() / 10)), e.size() - 1);
        double needed = w >= 3 ? minDrop : minDrop * 3 / Math.max(1, w);
        boolean completed = "COMPLETED".equals(log.evaluation().stopReason()) && e.size() >= log.setup().epochs();
        if (!completed || w < 1) {
            return none();
        }
        EpochPoint last = e.get(e.size() - 1);
        double before = e.get(e.size() - 1 - w).validationLoss();
        double best = e.stream().mapToDouble(EpochPoint::validationLoss).filter(Double::isFinite).min().orElse(Double.NaN);
        double perEpoch = (before - last.validationLoss()) / Math.abs(before) / w;
        if (!(perEpoch >= needed) || !(last.validationLoss() <= best * 1.01 + 1e-12)) {
            return none();
        }
        String msg = "the validation loss was still falling by " + Fmt.pct(perEpoch) + " per epoch over the last " + w
                + " epochs (" + Fmt.num(before) + " to " + Fmt.num(last.validationLoss()) + ") when training ended after "
                + e.size() + " epochs: more epochs would likely help";
        return List.of(during(Severity.WARNING, last.epoch(), last.step(), Subject.NONE, msg, Evidence.of("drop_per_epoch", perEpoch)
                .and("window", w).and("validation_loss", last.validationLoss()).and("min_drop", minDrop),
                Remedy.TRAIN_LONGER));
    }
}
