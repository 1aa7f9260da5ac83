package dev.triage.diagnose.dynamics;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * A per-layer fraction (dead or saturated units) that stays at or above a threshold for several
 * consecutive epochs, averaged over each epoch's probes: one transient bad batch is not a diagnosis.
 * An error becomes a warning when the data leaves little to learn ({@link LittleToLearn}).
 */
abstract class SustainedLayerRule extends BaseRule {
    private final double threshold;
    private final int epochs;

    SustainedLayerRule(String id, String code, double threshold, int epochs) {
        super(id, code, Phase.TRAINING, Signal.SETUP, Signal.LAYER_ACTIVATIONS);
        this.threshold = threshold;
        this.epochs = epochs;
    }

    /** Whether the rule applies to this layer (its activation; the output layer is judged when this says so). */
    abstract boolean applies(LayerFacts layer, boolean output);

    /** The per-layer fraction judged. */
    abstract double[] fraction(ProbePoint p);

    abstract Finding finding(LayerFacts layer, boolean output, double value, double threshold, int epoch, long step);

    @Override
    public List<Finding> check(RunLog log) {
        List<Finding> out = new ArrayList<>();
        for (LayerFacts layer : log.setup().layers()) {
            boolean output = layer.index() == log.setup().layers().size() - 1;
            if (!applies(layer, output)) {
                continue;
            }
            List<double[]> series = Curves.perEpoch(log.probes(), p -> fraction(p) == null ? Double.NaN : fraction(p)[layer.index()]);
            int run = 0;
            for (double[] e : series) {
                run = e[1] >= threshold ? run + 1 : 0;
                if (run >= epochs) {
                    int first = (int) e[0] - epochs + 1;
                    out.add(LittleToLearn.soften(finding(layer, output, e[1], threshold, first, Curves.stepOf(log.probes(), first)),
                            log));
                    break;
                }
            }
        }
        return out;
    }
}
