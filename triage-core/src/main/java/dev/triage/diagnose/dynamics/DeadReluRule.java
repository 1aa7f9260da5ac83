package dev.triage.diagnose.dynamics;

import dev.triage.config.Activation;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.ProbePoint;

/**
 * TRAIN_DEAD_RELU: most units of a ReLU layer output zero for every example of a batch.
 *
 * <p><b>Signal:</b> per ReLU layer (the output layer too), the share of units whose pre-activation is
 * at most zero for the whole batch, averaged over each epoch's probes; fires at {@code threshold}
 * (default 0.7) or more for {@code epochs} (default 2) epochs in a row. A dead ReLU output unit means
 * the network outputs 0 for every row. <b>Likely causes:</b> a learning rate spike pushes biases so
 * negative that units never activate again, a negative bias initialization, and a dead unit gets no
 * gradient to recover. <b>Remedies:</b> leaky ReLU, a lower learning rate, He initialization (with zero
 * biases); for the output unit, an identity output.
 */
public final class DeadReluRule extends SustainedLayerRule {
    public DeadReluRule() {
        this(0.7, 2);
    }

    public DeadReluRule(double threshold, int epochs) {
        super("dead-relu", "TRAIN_DEAD_RELU", threshold, epochs);
    }

    @Override
    boolean applies(LayerFacts layer, boolean output) {
        return layer.activation() == Activation.RELU;
    }

    @Override
    double[] fraction(ProbePoint p) {
        return p.deadFraction();
    }

    @Override
    Finding finding(LayerFacts layer, boolean output, double value, double threshold, int epoch, long step) {
        Evidence ev = Evidence.of("dead_fraction", value).and("threshold", threshold);
        if (output) {
            String msg = "the ReLU output of " + layer.describe() + " is inactive for every example in the batch ("
                    + Fmt.pct(value) + " of its units): the network outputs 0 for every row and gets no gradient to recover";
            return during(Severity.ERROR, epoch, step, layer(layer), msg, ev, Remedy.FIX_OUTPUT_AND_LOSS,
                    Remedy.LOWER_LEARNING_RATE);
        }
        String msg = Fmt.pct(value) + " of the units in " + layer.describe() + " output zero for every example in the batch;"
                + " dead units get no gradient and never recover";
        return during(Severity.ERROR, epoch, step, layer(layer), msg, ev, Remedy.USE_LEAKY_RELU, Remedy.LOWER_LEARNING_RATE,
                Remedy.USE_HE_INIT);
    }
}
