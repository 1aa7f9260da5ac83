package dev.triage.diagnose.dynamics;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * TRAIN_NAN_LOSS: the loss, an activation, a gradient or a weight became NaN or infinite. Training
 * stops at that step; the last finite checkpoint is kept.
 *
 * <p><b>Signal:</b> the first non-finite step and where it appeared first (layer and quantity, in
 * the order the step computes them). <b>Likely causes:</b> a learning rate far too high, unscaled
 * inputs or targets, an initialization that blows activations up, log of zero in a mismatched loss.
 * <b>Remedies:</b> lower the learning rate, clip gradients, scale the data, use float64 as a last resort.
 */
public final class NanLossRule extends BaseRule {
    public NanLossRule() {
        super("nan-loss", "TRAIN_NAN_LOSS", Phase.TRAINING, Signal.SETUP);
    }

    @Override
    public List<Finding> check(RunLog log) {
        NonFiniteEvent e = log.nonFinite();
        if (e == null) {
            return none();
        }
        List<LayerFacts> layers = log.setup().layers();
        LayerFacts layer = layers.get(Math.min(e.layer(), layers.size() - 1));
        String where = (e.quantity() == NonFiniteEvent.Quantity.LOSS ? "loss of " : e.quantity().label() + " of ")
                + layer.describe();
        String msg = "the " + where + " became non-finite at step " + e.step() + " (epoch " + e.epoch()
                + "); the last finite loss was " + Fmt.num(e.lastFiniteLoss()) + ". Training stopped there";
        return List.of(during(Severity.ERROR, e.epoch(), e.step(), Subject.layer(layer.index(), where), msg,
                Evidence.of("step", e.step()).and("layer", e.layer() + 1).and("last_finite_loss", e.lastFiniteLoss()),
                Remedy.LOWER_LEARNING_RATE, Remedy.CLIP_GRADIENTS, Remedy.SCALE_FEATURES, Remedy.USE_FLOAT64));
    }

    @Override
    public boolean stopsTraining() {
        return true;
    }
}
