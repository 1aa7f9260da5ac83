package dev.triage.diagnose.dynamics;

import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.ProbePoint;

/**
 * TRAIN_SATURATED_ACTIVATIONS: tanh or sigmoid units of a hidden layer sit at their limits.
 *
 * <p><b>Signal:</b> per tanh/sigmoid hidden layer, the share of activations within 1% of the limits,
 * averaged over each epoch's probes; fires at {@code threshold} (default 0.5) or more for
 * {@code epochs} (default 2) epochs in a row; an error from 0.8. <b>Likely causes:</b> unscaled inputs
 * (pre-activations in the hundreds), weights initialized or grown too large. Saturated units pass
 * almost no gradient. <b>Remedies:</b> scale the features, Xavier initialization, batch norm, a lower
 * learning rate.
 */
public final class SaturatedActivationsRule extends SustainedLayerRule {
    static final double ERROR_SHARE = 0.8;

    public SaturatedActivationsRule() {
        this(0.5, 2);
    }

    public SaturatedActivationsRule(double threshold, int epochs) {
        super("saturated-activations", "TRAIN_SATURATED_ACTIVATIONS", threshold, epochs);
    }

    @Override
    boolean applies(LayerFacts layer, boolean output) {
        return !output && layer.activation().isSaturating();
    }

    @Override
    double[] fraction(ProbePoint p) {
        return p.saturatedFraction();
    }

    @Override
    Finding finding(LayerFacts layer, boolean output, double value, double threshold, int epoch, long step) {
        String msg = Fmt.pct(value) + " of the activations of " + layer.describe() + " sit at the limits of "
                + layer.activation().configName() + ", where the gradient is almost zero";
        return during(value >= ERROR_SHARE ? Severity.ERROR : Severity.WARNING, epoch, step, layer(layer), msg,
                Evidence.of("saturated_fraction", value).and("threshold", threshold), Remedy.SCALE_FEATURES,
                Remedy.USE_XAVIER_INIT, Remedy.ADD_BATCH_NORM, Remedy.LOWER_LEARNING_RATE);
    }
}
