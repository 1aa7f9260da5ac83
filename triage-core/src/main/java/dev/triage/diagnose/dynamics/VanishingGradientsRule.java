package dev.triage.diagnose.dynamics;

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
 * TRAIN_VANISHING_GRADIENTS: the first layer's gradient is tiny next to the last layer's, and tiny in
 * absolute terms, so the early layers barely learn.
 *
 * <p><b>Signal:</b> medians over the probes of the first {@code epochs} epochs (default 3): the ratio
 * of the first layer's RMS weight gradient to the output layer's, below {@code ratioBound} (default
 * 1e-3), together — for optimizers whose steps follow the gradient's size — with the first layer's
 * update:parameter ratio below {@code updateBound} (default 1e-5); adaptive optimizers (Adam, RMSProp,
 * Adagrad) normalize every step, so under them the gradient ratio alone decides. <b>Likely causes:</b> many stacked sigmoid/tanh layers (each multiplies the gradient by at
 * most 0.25 or 1), saturation, poor initialization. <b>Remedies:</b> ReLU-family activations (leaky
 * ReLU), He initialization, batch norm, fewer layers.
 */
public final class VanishingGradientsRule extends BaseRule {
    private final double ratioBound;
    private final double updateBound;
    private final int epochs;

    public VanishingGradientsRule() {
        this(1e-3, 1e-5, 3);
    }

    public VanishingGradientsRule(double ratioBound, double updateBound, int epochs) {
        super("vanishing-gradients", "TRAIN_VANISHING_GRADIENTS", Phase.TRAINING, Signal.SETUP, Signal.LAYER_GRADIENTS);
        this.ratioBound = ratioBound;
        this.updateBound = updateBound;
        this.epochs = epochs;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<LayerFacts> layers = log.setup().layers();
        if (layers.size() < 3 || log.epochs().size() < Math.min(epochs, log.setup().epochs())) {
            return none();
        }
        LayerFacts first = layers.get(0);
        LayerFacts last = layers.get(layers.size() - 1);
        double firstRms = Curves.median(Curves.early(log.probes(), epochs, p -> rms(p.gradNorm(), first)));
        double lastRms = Curves.median(Curves.early(log.probes(), epochs, p -> rms(p.gradNorm(), last)));
        double update = Curves.median(Curves.early(log.probes(), epochs, p -> p.updateRatio(first.index())));
        double ratio = firstRms / lastRms;
        boolean adaptive = log.setup().optimizer().isAdaptive();
        if (!(ratio < ratioBound && (adaptive || update < updateBound))) {
            return none();
        }
        String msg = "the gradient reaching " + first.describe() + " is " + Fmt.num(ratio) + " of the output layer's (RMS "
                + Fmt.num(firstRms) + " vs " + Fmt.num(lastRms) + ")" + (adaptive ? "; " + log.setup().optimizer().configName()
                + " rescales each weight's step, but a gradient this small is mostly noise: the early layers learn little"
                : ", and its weights change by " + Fmt.num(update) + " of their size per step: the early layers barely learn");
        return List.of(during(Severity.ERROR, Math.min(epochs, log.epochs().size()), log.epochs().get(0).step(),
                layer(first), msg, Evidence.of("first_to_last_gradient", ratio).and("first_layer_update_ratio", update)
                        .and("ratio_bound", ratioBound), Remedy.USE_LEAKY_RELU, Remedy.USE_HE_INIT, Remedy.ADD_BATCH_NORM));
    }

    private static double rms(double[] norms, LayerFacts l) {
        return norms == null ? Double.NaN : norms[l.index()] / Math.sqrt((double) l.fanIn() * l.units());
    }
}
