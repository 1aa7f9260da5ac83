package dev.triage.diagnose.setup;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.InitSignals;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * INIT_LOSS_UNEXPECTED: the loss before the first update is far from what an untrained model scores.
 *
 * <p><b>Signal:</b> the loss of one real batch at initialization against the expected value: ln C for
 * C classes, ln 2 per binary output, the target's variance for a regression. Fires above
 * {@code highRatio} (default 3) x or below {@code lowRatio} (default 0.2) x the expectation; for a
 * regression, whose untrained outputs add their own spread and offset to the loss, above
 * {@code regressionHighRatio} (default 10) x. An error when the initial loss is not even finite. <b>Likely causes:</b> too high: unscaled inputs or
 * targets, an initialization that is too large, a loss on the wrong outputs; too low: a leak or a
 * bug in the loss. <b>Remedies:</b> scale features and target, use the recommended initialization.
 */
public final class InitLossRule extends BaseRule {
    private final double highRatio;
    private final double regressionHighRatio;
    private final double lowRatio;

    public InitLossRule() {
        this(3, 10, 0.2);
    }

    public InitLossRule(double highRatio, double regressionHighRatio, double lowRatio) {
        super("init-loss", "INIT_LOSS_UNEXPECTED", Phase.INIT, Signal.INIT, Signal.SETUP);
        this.highRatio = highRatio;
        this.regressionHighRatio = regressionHighRatio;
        this.lowRatio = lowRatio;
    }

    @Override
    public List<Finding> check(RunLog log) {
        InitSignals i = log.init();
        if (!(i.expectedLoss() > 0)) {
            return none();
        }
        double ratio = i.loss() / i.expectedLoss();
        double high = log.setup().task() == dev.triage.config.Task.REGRESSION ? regressionHighRatio : highRatio;
        if (Double.isFinite(ratio) && ratio <= high && ratio >= lowRatio) {
            return none();
        }
        Severity sev = Double.isFinite(i.loss()) ? Severity.WARNING : Severity.ERROR;
        boolean tooHigh = !(ratio < lowRatio);
        String msg = "the loss before training is " + Fmt.num(i.loss()) + ", " + Fmt.num(ratio) + "x the "
                + Fmt.num(i.expectedLoss()) + " an untrained model should score" + (tooHigh ? "; inputs, targets or initial"
                + " weights are probably too large" : "; suspiciously low, check for a leak or a loss bug");
        Evidence ev = Evidence.of("initial_loss", i.loss()).and("expected_loss", i.expectedLoss()).and("ratio", ratio)
                .and("input_std", i.inputStd()).and("output_std", i.outputStd());
        if (!tooHigh) {
            return List.of(before(sev, Subject.NONE, msg, ev, Remedy.CHECK_LABELS));
        }
        return List.of(i.inputStd() > 10 ? before(sev, Subject.NONE, msg, ev, Remedy.SCALE_FEATURES, Remedy.SCALE_TARGET)
                : before(sev, Subject.NONE, msg, ev, Remedy.SCALE_TARGET, Remedy.USE_HE_INIT, Remedy.USE_XAVIER_INIT));
    }
}
