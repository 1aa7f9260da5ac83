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
 * TRAIN_EXPLODING_GRADIENTS: gradients far beyond any healthy size, or growing by orders of magnitude.
 *
 * <p><b>Signal:</b> per layer, the root-mean-square weight gradient (norm / sqrt(weights)) at each
 * probe. Fires when it exceeds {@code rmsBound} (default 100; healthy runs stay below about 2) or
 * grows {@code growthBound} times (default 1000) above the layer's first probe. <b>Likely causes:</b>
 * weights initialized too large, unscaled inputs or targets, a learning rate that makes the weights
 * grow. <b>Remedies:</b> gradient clipping, a lower learning rate, scaled data, He/Xavier
 * initialization, batch norm.
 */
public final class ExplodingGradientsRule extends BaseRule {
    private final double rmsBound;
    private final double growthBound;

    public ExplodingGradientsRule() {
        this(100, 1000);
    }

    public ExplodingGradientsRule(double rmsBound, double growthBound) {
        super("exploding-gradients", "TRAIN_EXPLODING_GRADIENTS", Phase.TRAINING, Signal.SETUP, Signal.LAYER_GRADIENTS);
        this.rmsBound = rmsBound;
        this.growthBound = growthBound;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<LayerFacts> layers = log.setup().layers();
        List<ProbePoint> probes = log.probes();
        double[] first = probes.isEmpty() ? null : probes.get(0).gradNorm();
        for (ProbePoint p : probes) {
            if (p.gradNorm() == null) {
                continue;
            }
            for (LayerFacts l : layers) {
                double norm = p.gradNorm()[l.index()];
                double rms = norm / Math.sqrt((double) l.fanIn() * l.units());
                double growth = first != null && first[l.index()] > 0 ? norm / first[l.index()] : Double.NaN;
                if (rms > rmsBound || growth > growthBound || Double.isInfinite(norm)) {
                    String msg = "the weight gradient of " + l.describe() + " reached an RMS of " + Fmt.num(rms) + " per weight"
                            + (Double.isFinite(growth) ? " (" + Fmt.num(growth) + "x its first value)" : "")
                            + " at step " + p.step() + "; healthy runs stay near or below 1";
                    return List.of(during(Severity.ERROR, p.epoch(), p.step(), l.describe(), msg,
                            Evidence.of("gradient_rms", rms).and("growth", growth).and("rms_bound", rmsBound),
                            Remedy.CLIP_GRADIENTS, Remedy.LOWER_LEARNING_RATE, Remedy.SCALE_FEATURES, Remedy.USE_HE_INIT));
                }
            }
        }
        return none();
    }
}
