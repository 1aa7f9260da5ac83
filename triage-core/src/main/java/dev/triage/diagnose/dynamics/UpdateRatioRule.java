package dev.triage.diagnose.dynamics;

import dev.triage.config.Optimizer;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * TRAIN_UPDATE_RATIO: weights change per step far more or far less than about 1e-3 of their size.
 *
 * <p><b>Signal:</b> per layer, the median of ||update|| / ||weights|| over the probes of the first
 * {@code epochs} epochs (default 3), when training should move fastest; the network is judged by the
 * median over its layers (a small output layer naturally moves faster than the rest). Healthy:
 * {@code low}..{@code high} (default 1e-4..3e-2, target 1e-3; healthy Adam runs reach 1-5e-2 in their
 * first epochs, see docs/calibration.md); errors beyond
 * {@code errorLow}/{@code errorHigh} (1e-5/0.1). The layer furthest from the target is named. Not judged for
 * L-BFGS, whose one line-searched full-batch step per epoch is meant to be large; layers that do not move at
 * all are left out (they get no gradient: dead units, which TRAIN_DEAD_RELU judges, not the rate). <b>Likely causes:</b> a learning rate too low (barely moves) or too high
 * (overshoots, kills units). <b>Remedies:</b> raise or lower the learning rate; Adam adapts per weight.
 */
public final class UpdateRatioRule extends BaseRule {
    private final double low;
    private final double high;
    private final double errorLow;
    private final double errorHigh;
    private final int epochs;

    public UpdateRatioRule() {
        this(1e-4, 3e-2, 1e-5, 0.1, 3);
    }

    public UpdateRatioRule(double low, double high, double errorLow, double errorHigh, int epochs) {
        super("update-ratio", "TRAIN_UPDATE_RATIO", Phase.TRAINING, Signal.SETUP, Signal.LAYER_GRADIENTS);
        this.low = low;
        this.high = high;
        this.errorLow = errorLow;
        this.errorHigh = errorHigh;
        this.epochs = epochs;
    }

    @Override
    public List<Finding> check(RunLog log) {
        if (log.setup().optimizer() == Optimizer.LBFGS) {
            return none(); // one line-searched full-batch step per epoch: the 1e-3 rule of thumb is for minibatch steps
        }
        if (log.epochs().size() < Math.min(epochs, log.setup().epochs()) && log.nonFinite() == null) {
            return none();
        }
        LayerFacts worst = null;
        double worstRatio = Double.NaN;
        double[] perLayer = new double[log.setup().layers().size()];
        int n = 0;
        for (LayerFacts l : log.setup().layers()) {
            double r = Curves.median(Curves.early(log.probes(), epochs, p -> p.updateRatio(l.index())));
            if (!Double.isFinite(r) || r == 0) {
                continue; // a layer that does not move at all gets no gradient (dead units): not a matter of the rate
            }
            perLayer[n++] = r;
            if (worst == null || Math.abs(Math.log10(r / 1e-3)) > Math.abs(Math.log10(worstRatio / 1e-3))) {
                worst = l;
                worstRatio = r;
            }
        }
        double ratio = Curves.median(java.util.Arrays.copyOf(perLayer, n));
        if (worst == null || (ratio >= low && ratio <= high)) {
            return none();
        }
        boolean tooLow = ratio < low;
        Severity sev = ratio < errorLow || ratio > errorHigh ? Severity.ERROR : Severity.WARNING;
        String msg = "the weights change by " + Fmt.num(ratio) + " of their size per step (median over layers; "
                + worst.describe() + ": " + Fmt.num(worstRatio) + "; healthy: about 1e-3): the learning rate looks "
                + (tooLow ? "too low" : "too high");
        Evidence ev = Evidence.of("update_ratio", ratio).and("worst_layer_ratio", worstRatio).and("low", low).and("high", high)
                .and("target", 1e-3);
        int epoch = Math.min(epochs, Math.max(1, log.epochs().size()));
        long step = log.probes().isEmpty() ? 0 : log.probes().get(0).step();
        return List.of(tooLow ? during(sev, epoch, step, layer(worst), msg, ev, Remedy.RAISE_LEARNING_RATE, Remedy.USE_ADAM)
                : during(sev, epoch, step, layer(worst), msg, ev, Remedy.LOWER_LEARNING_RATE, Remedy.CLIP_GRADIENTS));
    }
}
