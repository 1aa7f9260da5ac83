package dev.triage.diagnose.setup;

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
 * CONFIG_DROPOUT: dropout that drops most units of a layer.
 *
 * <p><b>Signal:</b> each hidden layer's drop probability and the units it keeps on average.
 * Errors: a drop probability of {@code errorRate} (default 0.8) or more, or of 0.5 or more when
 * fewer than {@code minKept} (default 4) units survive; warning: 0.5 or more on a layer under
 * {@code smallLayer} (default 64) units. <b>Likely causes:</b> the keep probability (as in DL4J or
 * old TensorFlow) written where Triage expects the drop probability. <b>Remedies:</b> reduce dropout
 * (0.1 to 0.3 is common).
 */
public final class DropoutRule extends BaseRule {
    private final double errorRate;
    private final double minKept;
    private final int smallLayer;

    public DropoutRule() {
        this(0.8, 4, 64);
    }

    public DropoutRule(double errorRate, double minKept, int smallLayer) {
        super("dropout", "CONFIG_DROPOUT", Phase.CONFIG, Signal.SETUP);
        this.errorRate = errorRate;
        this.minKept = minKept;
        this.smallLayer = smallLayer;
    }

    @Override
    public List<Finding> check(RunLog log) {
        LayerFacts worst = null;
        for (LayerFacts l : log.setup().hidden()) {
            if (l.dropout() >= 0.5 && (worst == null || l.units() * (1 - l.dropout()) < worst.units() * (1 - worst.dropout()))) {
                worst = l;
            }
        }
        if (worst == null) {
            return none();
        }
        double kept = worst.units() * (1 - worst.dropout());
        boolean error = worst.dropout() >= errorRate || kept < minKept;
        if (!error && worst.units() >= smallLayer) {
            return none();
        }
        String msg = "dropout " + Fmt.num(worst.dropout()) + " drops " + Fmt.pct(worst.dropout()) + " of the units of "
                + worst.describe() + ", keeping about " + Fmt.num(kept) + " per step (dropout is the probability of"
                + " dropping a unit; some libraries take the probability of keeping it)";
        return List.of(before(error ? Severity.ERROR : Severity.WARNING, layer(worst), msg,
                Evidence.of("dropout", worst.dropout()).and("units_kept", kept).and("units", worst.units()), Remedy.REDUCE_DROPOUT));
    }
}
