package dev.triage.diagnose.setup;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.InitSignals;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * INIT_ACTIVATION_SCALE: at initialization the spread of pre-activations grows or shrinks layer after
 * layer.
 *
 * <p><b>Signal:</b> the standard deviation of each hidden layer's pre-activations in one forward
 * pass on a real batch, relative to the first hidden layer. Warning beyond {@code warnFactor}
 * (default 10) or below its inverse; error beyond {@code errorFactor} (default 1000). When the first
 * layer has no spread at all (zero weights, constant inputs) the ratio is undefined and nothing is
 * said here (CONFIG_INIT and DATA_CONSTANT_FEATURE judge those causes). <b>Likely
 * causes:</b> weights initialized too large or small for the fan-in (outputs explode or fade), or
 * saturating activations stacked deep. <b>Remedies:</b> He or Xavier initialization, batch norm.
 */
public final class ActivationScaleRule extends BaseRule {
    private final double warnFactor;
    private final double errorFactor;

    public ActivationScaleRule() {
        this(10, 1000);
    }

    public ActivationScaleRule(double warnFactor, double errorFactor) {
        super("activation-scale", "INIT_ACTIVATION_SCALE", Phase.INIT, Signal.INIT, Signal.SETUP);
        this.warnFactor = warnFactor;
        this.errorFactor = errorFactor;
    }

    @Override
    public List<Finding> check(RunLog log) {
        InitSignals i = log.init();
        List<LayerFacts> hidden = log.setup().hidden();
        if (hidden.size() < 2) {
            return none();
        }
        double first = i.preActStd()[0];
        if (!(first > 0) || Double.isInfinite(first)) {
            return none(); // no spread in layer 1 to compare with (zero weights, constant inputs): the ratio is undefined
        }
        int worst = 1;
        for (int l = 1; l < hidden.size(); l++) {
            if (Math.abs(Math.log(i.preActStd()[l] / first)) > Math.abs(Math.log(i.preActStd()[worst] / first))) {
                worst = l;
            }
        }
        double factor = i.preActStd()[worst] / first;
        boolean fine = Double.isFinite(factor) && factor <= warnFactor && factor >= 1 / warnFactor;
        if (fine) {
            return none();
        }
        boolean error = !Double.isFinite(factor) || factor > errorFactor || factor < 1 / errorFactor;
        String msg = "at initialization the pre-activations of " + hidden.get(worst).describe() + " spread "
                + Fmt.num(factor) + "x as much as those of layer 1 (std " + Fmt.num(i.preActStd()[worst]) + " vs "
                + Fmt.num(first) + "): the signal " + (factor > 1 ? "explodes" : "fades") + " with depth";
        Remedy init = hidden.get(0).activation().isReluFamily() ? Remedy.USE_HE_INIT : Remedy.USE_XAVIER_INIT;
        return List.of(before(error ? Severity.ERROR : Severity.WARNING, layer(hidden.get(worst)), msg,
                Evidence.of("std_ratio_to_first_layer", factor).and("layer_std", i.preActStd()[worst]).and("first_layer_std", first)
                        .and("bound", error ? errorFactor : warnFactor), init, Remedy.ADD_BATCH_NORM));
    }
}
