package dev.triage.diagnose.setup;

import dev.triage.config.Init;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * CONFIG_INIT: an initialization that does not fit the activations.
 *
 * <p><b>Signal:</b> each hidden layer's initializer and its weight standard deviation against the
 * recommended one (He: sqrt(2 / fan-in) for the ReLU family; Xavier: sqrt(2 / (fan-in + fan-out))
 * otherwise), and the initial bias. <b>Likely causes:</b> zeros or a constant (every unit of a layer
 * computes the same thing and receives the same update: the symmetry is never broken), a fixed
 * {@code init_scale} too large or small for the fan-in, so activations grow or shrink layer after
 * layer, or a bias far from zero ({@code bias_init}: a negative one switches ReLU units off before the
 * first step). Errors: symmetric init; the product of the per-layer scale ratios beyond
 * {@code cumulativeBound} (default 10) — or below its inverse with a plain SGD optimizer (adaptive
 * optimizers rescale tiny gradients, so there it is a warning); a ReLU-family layer with a bias at or
 * below -{@code biasBound} (default 1). Warnings: one layer off by more than {@code layerBound}
 * (default 3); a bias of magnitude {@code biasBound} or more otherwise. <b>Remedies:</b> He
 * initialization for ReLU-like activations, Xavier otherwise (both with zero biases).
 */
public final class InitRule extends BaseRule {
    private final double layerBound;
    private final double cumulativeBound;
    private final double biasBound;

    public InitRule() {
        this(3, 10, 1);
    }

    public InitRule(double layerBound, double cumulativeBound, double biasBound) {
        super("init", "CONFIG_INIT", Phase.CONFIG, Signal.SETUP);
        this.layerBound = layerBound;
        this.cumulativeBound = cumulativeBound;
        this.biasBound = biasBound;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<LayerFacts> hidden = log.setup().hidden();
        Remedy fix = !hidden.isEmpty() && hidden.get(0).activation().isReluFamily() ? Remedy.USE_HE_INIT : Remedy.USE_XAVIER_INIT;
        for (LayerFacts l : hidden) {
            if (l.init().isSymmetric()) {
                String msg = "init: " + l.init().configName() + " gives every unit of " + l.describe()
                        + " the same weights, so they compute and learn the same thing (the symmetry is never broken)";
                return List.of(before(Severity.ERROR, layer(l), msg, Evidence.of("init_value", l.initScale()), fix));
            }
        }
        Finding scale = scale(log.setup(), hidden, fix);
        return scale != null ? List.of(scale) : bias(hidden, fix);
    }

    /** The weight-scale finding, or null. */
    private Finding scale(RunSetup s, List<LayerFacts> hidden, Remedy fix) {
        double cumulative = 1;
        double worst = 1;
        LayerFacts worstLayer = null;
        for (LayerFacts l : hidden) {
            double gain = gain(l);
            cumulative *= gain;
            if (Math.abs(Math.log(gain)) > Math.abs(Math.log(worst))) {
                worst = gain;
                worstLayer = l;
            }
        }
        boolean error = cumulative > cumulativeBound || cumulative < 1 / cumulativeBound && !s.optimizer().isAdaptive();
        boolean off = cumulative < 1 / cumulativeBound || worst > layerBound || worst < 1 / layerBound;
        if (!error && !off) {
            return null;
        }
        String msg = "init: " + worstLayer.init().configName() + " with scale " + Fmt.num(worstLayer.initScale()) + " gives "
                + worstLayer.describe() + " weights " + Fmt.num(worst) + "x the recommended spread; across the hidden layers"
                + " activations scale by about " + Fmt.num(cumulative) + "x";
        return before(error ? Severity.ERROR : Severity.WARNING, layer(worstLayer), msg,
                Evidence.of("layer_scale_ratio", worst).and("cumulative_scale_ratio", cumulative)
                        .and("bound", error ? cumulativeBound : layerBound), fix);
    }

    /** The bias finding for the layer with the bias furthest from zero, if it is far. */
    private List<Finding> bias(List<LayerFacts> hidden, Remedy fix) {
        LayerFacts worst = null;
        for (LayerFacts l : hidden) {
            worst = worst == null || Math.abs(l.biasInit()) > Math.abs(worst.biasInit()) ? l : worst;
        }
        if (worst == null || !(Math.abs(worst.biasInit()) >= biasBound)) {
            return none();
        }
        boolean kills = worst.activation().isReluFamily() && worst.biasInit() <= -biasBound;
        String msg = "bias_init " + Fmt.num(worst.biasInit()) + " starts every unit of " + worst.describe() + " "
                + (kills ? "below zero: most ReLU units are off for every input before the first step, and off units get no"
                + " gradient" : "far from zero, away from where " + worst.activation().configName() + " responds to its inputs");
        return List.of(before(kills ? Severity.ERROR : Severity.WARNING, layer(worst), msg,
                Evidence.of("bias_init", worst.biasInit()).and("bias_bound", biasBound), fix));
    }

    /** The layer's weight std over the recommended one (1 for the recommended initializers). */
    static double gain(LayerFacts l) {
        Init init = l.init();
        if (!init.isFixedScale()) {
            return 1;
        }
        double std = init == Init.UNIFORM ? Math.abs(l.initScale()) / Math.sqrt(3) : Math.abs(l.initScale());
        double recommended = l.activation().isReluFamily() ? Math.sqrt(2.0 / l.fanIn()) : Math.sqrt(2.0 / (l.fanIn() + l.units()));
        return std / recommended;
    }
}
