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
 * TRAIN_LOSS_DIVERGING: the training loss jumps by orders of magnitude above its best, or climbs
 * epoch after epoch.
 *
 * <p><b>Signal:</b> epoch means of the training loss. Fires when an epoch's loss exceeds
 * {@code jumpFactor} (default 10) x the lowest earlier one, or rose in each of the last
 * {@code risingEpochs} epochs (default 5) to more than twice its lowest. The lowest value is floored
 * at 1% of the first epoch's loss, so a loss that wobbles near zero is not a divergence. An error,
 * unless the whole run shows it recovered (ended within twice its lowest loss, see {@link CurveShape}):
 * then a warning — one extreme row or a brief spike, not a broken run. <b>Likely causes:</b> a
 * learning rate too high for the loss scale, unscaled targets, no learning-rate decay.
 * <b>Remedies:</b> lower the learning rate, clip gradients, add a schedule.
 */
public final class DivergingRule extends BaseRule {
    private final double jumpFactor;
    private final int risingEpochs;

    public DivergingRule() {
        this(10, 5);
    }

    public DivergingRule(double jumpFactor, int risingEpochs) {
        super("loss-diverging", "TRAIN_LOSS_DIVERGING", Phase.TRAINING, Signal.EPOCH_LOSSES);
        this.jumpFactor = jumpFactor;
        this.risingEpochs = risingEpochs;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<EpochPoint> epochs = log.epochs();
        double best = Double.POSITIVE_INFINITY;
        double floor = 0;
        int rising = 0;
        for (int i = 0; i < epochs.size(); i++) {
            double loss = epochs.get(i).trainLoss();
            if (!Double.isFinite(loss)) {
                continue;
            }
            floor = floor == 0 ? 0.01 * loss : floor;
            rising = i > 0 && loss > epochs.get(i - 1).trainLoss() ? rising + 1 : 0;
            boolean jump = loss > jumpFactor * best;
            boolean climb = rising >= risingEpochs && loss > 2 * best;
            if (jump || climb) {
                EpochPoint e = epochs.get(i);
                boolean recovered = CurveShape.recovered(log);
                String msg = "the training loss " + (jump ? "jumped" : "climbed for " + rising + " epochs") + " to "
                        + Fmt.num(loss) + ", " + Fmt.num(loss / best) + "x its lowest value " + Fmt.num(best)
                        + (recovered ? CurveShape.ENDED_WELL : "");
                return List.of(during(recovered ? Severity.WARNING : Severity.ERROR, e.epoch(), e.step(), Subject.NONE, msg,
                        Evidence.of("loss", loss)
                        .and("lowest_loss", best).and("factor", loss / best).and("jump_factor", jumpFactor),
                        Remedy.LOWER_LEARNING_RATE, Remedy.CLIP_GRADIENTS, Remedy.ADD_LR_SCHEDULE));
            }
            best = Math.max(floor, Math.min(best, loss));
        }
        return none();
    }
}
