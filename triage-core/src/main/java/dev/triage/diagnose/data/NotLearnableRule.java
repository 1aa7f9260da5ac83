package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_NOT_LEARNABLE: no baseline beats the trivial predictor by more than chance.
 *
 * <p><b>Signal:</b> the best baseline's cross-validated relative improvement over the trivial one
 * ({@code gain}), and the permutation test: the share of label shuffles on which the same model
 * reaches that gain (p, with the real labelling counted). Fires when the gain is at most {@code minGain}
 * (default 0.01) or p exceeds {@code alpha} (default 0.05) — unless, for classification, a baseline's
 * accuracy beats the trivial one's by more than {@code z} (default 2) standard errors, on the
 * validation split or cross-validated over all rows (label noise weakens the log-loss gain long before
 * the labels stop mattering: 30% flipped labels leave a gain under 1% but ten points of accuracy), or
 * there are fewer than {@code minRows} (default 20) training and validation rows to judge from (then
 * nothing can be concluded either way). <b>Likely causes:</b> labels joined to the wrong rows, a target unrelated
 * to the features, a broken export. <b>Remedies:</b> check the labels and the join; no configuration
 * change repairs this.
 */
public final class NotLearnableRule extends BaseRule {
    private final double minGain;
    private final double alpha;
    private final double z;
    private final int minRows;

    public NotLearnableRule() {
        this(0.01, 0.05, 2, 20);
    }

    public NotLearnableRule(double minGain, double alpha, double z, int minRows) {
        super("not-learnable", "DATA_NOT_LEARNABLE", Phase.DATA, Signal.BASELINES);
        this.minGain = minGain;
        this.alpha = alpha;
        this.z = z;
        this.minRows = minRows;
    }

    @Override
    public List<Finding> check(RunLog log) {
        Baselines b = log.baselines();
        DataSignals d = log.data();
        boolean unrelated = !(b.gain() > minGain) || !Double.isNaN(b.pValue()) && b.pValue() > alpha;
        boolean tooFew = d != null && d.trainRows() + d.validationRows() < minRows;
        if (!unrelated || tooFew || clearlyMoreAccurate(b, d)) {
            return none();
        }
        String best = b.best() == null ? "no baseline" : "the best baseline (" + b.best() + ")";
        int reached = (int) Math.round(b.pValue() * (b.permutations() + 1)) - 1;
        String msg = best + " improves on the trivial predictor by " + Fmt.pct(Math.max(0, b.gain())) + " (cross-validated)"
                + (b.permutations() == 0 ? "" : ", and " + reached + " of " + b.permutations()
                + " refits on shuffled labels reached that gain too (p = " + Fmt.num(b.pValue()) + ")")
                + ": the labels look unrelated to the features";
        return List.of(before(Severity.ERROR, Subject.NONE, msg, Evidence.of("gain_over_trivial", b.gain())
                .and("permutation_p", b.pValue()).and("permutations", b.permutations()).and("alpha", alpha),
                Remedy.CHECK_LABELS));
    }

    /**
     * A classification baseline more accurate than the trivial one by more than z standard errors: on the
     * validation split, or cross-validated over all the rows the learnability test used.
     */
    private boolean clearlyMoreAccurate(Baselines b, DataSignals d) {
        BaselineResult trivial = b.trivialResult();
        if (trivial == null || !"accuracy".equals(trivial.metric())) {
            return false;
        }
        double t = trivial.validation();
        double spread = Math.max(t * (1 - t), 0.01);
        boolean crossValidated = b.rows() > 0 && b.accuracyGain() > z * Math.sqrt(spread / b.rows());
        boolean validation = d != null && d.validationRows() > 0 && b.results().stream().filter(r -> r != trivial)
                .anyMatch(r -> r.validation() - t > z * Math.sqrt(spread / d.validationRows()));
        return crossValidated || validation;
    }
}
