package dev.triage.diagnose.dynamics;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * TRAIN_EXPLODING_GRADIENTS: gradients that grow by orders of magnitude to a size no healthy run has.
 *
 * <p><b>Signal:</b> per layer, the root-mean-square weight gradient (norm / sqrt(weights)) at each
 * probe, against the layer's first probe. An error when it exceeds {@code rmsBound} (default 100;
 * healthy runs stay below about 2) after growing at least {@code minGrowth} times (default 10), or
 * grows {@code growthBound} times (default 1000) to above {@code rmsFloor} (default 1) — growth from a
 * tiny gradient to a still tiny one is a network waking up from a small initialization, not an
 * explosion; an infinite gradient is always one. A gradient that is large from the first step
 * without growing (raw-unit targets or inputs) is a warning: the scale, not the dynamics, is off; so is
 * a burst the whole run recovered from ({@link CurveShape#recovered}), such as one extreme row.
 * <b>Likely causes:</b> weights initialized too large, unscaled inputs or targets, a learning rate
 * that makes the weights grow. <b>Remedies:</b> gradient clipping, a lower learning rate, scaled data,
 * He/Xavier initialization.
 */
public final class ExplodingGradientsRule extends BaseRule {
    private final double rmsBound;
    private final double growthBound;
    private final double minGrowth;
    private final double rmsFloor;

    public ExplodingGradientsRule() {
        this(100, 1000, 10, 1);
    }

    public ExplodingGradientsRule(double rmsBound, double growthBound, double minGrowth, double rmsFloor) {
        super("exploding-gradients", "TRAIN_EXPLODING_GRADIENTS", Phase.TRAINING, Signal.SETUP, Signal.LAYER_GRADIENTS);
        this.rmsBound = rmsBound;
        this.growthBound = growthBound;
        this.minGrowth = minGrowth;
        this.rmsFloor = rmsFloor;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<ProbePoint> probes = log.probes();
        double[] first = probes.isEmpty() ? null : probes.get(0).gradNorm();
        Finding large = null;
        for (ProbePoint p : probes) {
            if (p.gradNorm() == null) {
                continue;
            }
            for (LayerFacts l : log.setup().layers()) {
                double norm = p.gradNorm()[l.index()];
                double rms = norm / Math.sqrt((double) l.fanIn() * l.units());
                double growth = first != null && first[l.index()] > 0 ? norm / first[l.index()] : Double.NaN;
                boolean grew = rms > rmsBound && !(growth < minGrowth) || growth > growthBound && rms > rmsFloor;
                if (grew || Double.isInfinite(norm)) {
                    boolean recovered = !Double.isInfinite(norm) && CurveShape.recovered(log);
                    return List.of(finding(recovered ? Severity.WARNING : Severity.ERROR, l, p, rms, growth, recovered));
                }
                if (large == null && rms > rmsBound) {
                    large = finding(Severity.WARNING, l, p, rms, growth, false);
                }
            }
        }
        return large == null ? none() : List.of(large);
    }

    private Finding finding(Severity sev, LayerFacts l, ProbePoint p, double rms, double growth, boolean recovered) {
        boolean grew = sev == Severity.ERROR || recovered;
        String msg = "the weight gradient of " + l.describe() + " reached an RMS of " + Fmt.num(rms) + " per weight"
                + (Double.isFinite(growth) ? " (" + Fmt.num(growth) + "x its first value)" : "") + " at step " + p.step()
                + (recovered ? CurveShape.ENDED_WELL : grew ? "; healthy runs stay near or below 1"
                : "; it was that large from the start, so inputs or targets in raw units are the likelier cause");
        return during(sev, p.epoch(), p.step(), layer(l), msg, Evidence.of("gradient_rms", rms).and("growth", growth)
                .and("rms_bound", rmsBound).and("growth_bound", growthBound),
                grew ? new Remedy[] {Remedy.CLIP_GRADIENTS, Remedy.LOWER_LEARNING_RATE, Remedy.SCALE_FEATURES,
                        Remedy.USE_HE_INIT} : new Remedy[] {Remedy.SCALE_TARGET, Remedy.SCALE_FEATURES, Remedy.CLIP_GRADIENTS});
    }
}
