package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_NOT_LEARNABLE: no baseline beats the trivial predictor by more than chance.
 *
 * <p><b>Signal:</b> the best baseline's relative improvement over the trivial one on validation
 * ({@code gain}), and the share of label permutations on which the same model reaches that gain
 * (p). Fires when the gain is at most {@code minGain} (default 0.01) or p exceeds {@code alpha}
 * (default 0.05). <b>Likely causes:</b> labels joined to the wrong rows, a target unrelated to the
 * features, a broken export. No network can learn what the features do not contain.
 * <b>Remedies:</b> check the labels and the join; no configuration change repairs this.
 */
public final class NotLearnableRule extends BaseRule {
    private final double minGain;
    private final double alpha;

    public NotLearnableRule() {
        this(0.01, 0.05);
    }

    public NotLearnableRule(double minGain, double alpha) {
        super("not-learnable", "DATA_NOT_LEARNABLE", Phase.DATA, Signal.BASELINES);
        this.minGain = minGain;
        this.alpha = alpha;
    }

    @Override
    public List<Finding> check(RunLog log) {
        Baselines b = log.baselines();
        boolean noGain = !(b.gain() > minGain);
        boolean chance = !Double.isNaN(b.pValue()) && b.pValue() > alpha;
        if (!noGain && !chance) {
            return none();
        }
        String best = b.best() == null ? "no baseline" : "the best baseline (" + b.best() + ")";
        String msg = best + " improves on the trivial predictor by " + Fmt.pct(Math.max(0, b.gain()))
                + (Double.isNaN(b.pValue()) ? "" : ", which " + Fmt.pct(b.pValue()) + " of label permutations also reach")
                + ": the labels look unrelated to the features";
        return List.of(before(Severity.ERROR, null, msg, Evidence.of("gain_over_trivial", b.gain())
                .and("permutation_p", b.pValue()).and("permutations", b.permutations()).and("alpha", alpha),
                Remedy.CHECK_LABELS));
    }
}
