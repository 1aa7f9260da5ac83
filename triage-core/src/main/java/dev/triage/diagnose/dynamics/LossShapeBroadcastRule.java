package dev.triage.diagnose.dynamics;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.LossCall;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * LOSS_SHAPE_BROADCAST: an element-wise loss compared prediction and target after broadcasting them to
 * another shape, e.g. an {@code [N, 1]} prediction against an {@code [N]} target gives an
 * {@code [N, N]} matrix of every prediction against every target.
 *
 * <p><b>Signal:</b> a recorded loss call whose computed shape differs from the prediction's or the
 * target's (only probes of frameworks whose losses broadcast record it, and only for their built-in
 * element-wise losses). <b>Likely causes:</b> a regression output of shape [N, 1] and a target read
 * as a flat vector; the loss is then minimized by predicting the mean of all targets for every row,
 * so the network learns a constant. <b>Remedies:</b> make the shapes equal in the training code:
 * {@code target.view(-1, 1)} or {@code pred.squeeze(1)}. Always an error: every step optimizes the
 * wrong objective. The first such call is reported, with the number of elements the loss compared
 * ({@code broadcast_elements}) against the number it should have ({@code expected_elements}).
 */
public final class LossShapeBroadcastRule extends BaseRule {
    public LossShapeBroadcastRule() {
        super("loss-shape-broadcast", "LOSS_SHAPE_BROADCAST", Phase.TRAINING, Signal.LOSS_CALLS, Signal.SETUP);
    }

    @Override
    public List<Finding> check(RunLog log) {
        for (LossCall c : log.lossCalls()) {
            if (!c.broadcasts()) {
                continue;
            }
            String shapes = "prediction " + LossCall.shape(c.predictionShape()) + " and target " + LossCall.shape(c.targetShape());
            String msg = c.loss() + " broadcast " + shapes + " to " + LossCall.shape(c.broadcastShape())
                    + ": every prediction is compared with every target, so the loss is minimized by predicting the mean."
                    + " Give both the same shape: target.view(-1, 1) or pred.squeeze(1)";
            Evidence ev = Evidence.of("step", c.step()).and("broadcast_elements", elements(c.broadcastShape()))
                    .and("expected_elements", elements(c.predictionShape()));
            return List.of(during(Severity.ERROR, Math.max(1, epochOf(log, c.step())), c.step(), Subject.place("loss " + c.loss() + " (" + shapes + ")"),
                    msg, ev, Remedy.RESHAPE_TARGET));
        }
        return none();
    }

    private static double elements(int[] shape) {
        double n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The epoch a step belongs to: one past the last epoch that ended before it. */
    private static int epochOf(RunLog log, long step) {
        int epoch = 1;
        for (var e : log.epochs()) {
            if (e.step() < step) {
                epoch = e.epoch() + 1;
            }
        }
        return epoch;
    }
}
