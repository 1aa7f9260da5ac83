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
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * CONFIG_REGULARIZATION: regularization so strong that it dominates the data loss.
 *
 * <p><b>Signal:</b> the L1/L2 penalty of the initial weights against the data loss of the first
 * batch; for decoupled weight decay, the factor exp(-lr x decay x steps) by which it alone would
 * shrink the weights over the run. Defaults: penalty above {@code 0.25} x the data loss (warning),
 * above {@code 1} x (error); shrink factor below e^-5 (warning), e^-20 (error).
 * <b>Likely causes:</b> a coefficient meant for a different penalty convention or loss scale
 * (typical L2 values are 1e-6 to 1e-3). The optimizer then mostly shrinks weights and the model
 * underfits or predicts a constant. <b>Remedies:</b> reduce the coefficient.
 */
public final class RegularizationRule extends BaseRule {
    private final double warnRatio;
    private final double errorRatio;

    public RegularizationRule() {
        this(0.25, 1.0);
    }

    public RegularizationRule(double warnRatio, double errorRatio) {
        super("regularization", "CONFIG_REGULARIZATION", Phase.INIT, Phase.CONFIG, Signal.SETUP, Signal.INIT);
        this.warnRatio = warnRatio;
        this.errorRatio = errorRatio;
    }

    @Override
    public List<Finding> check(RunLog log) {
        RunSetup s = log.setup();
        InitSignals init = log.init();
        double ratio = init.penalty() / Math.max(1e-12, Math.abs(init.dataLossScale()));
        double shrink = -s.learningRate() * s.weightDecay() * s.stepsPerEpoch() * (double) s.epochs();
        if (ratio > warnRatio) {
            Severity sev = ratio > errorRatio ? Severity.ERROR : Severity.WARNING;
            String msg = "the L1/L2 penalty of the initial weights (" + Fmt.num(init.penalty()) + ") is " + Fmt.num(ratio)
                    + "x the data loss (" + Fmt.num(init.dataLossScale()) + ") with l1 " + Fmt.num(s.l1()) + ", l2 "
                    + Fmt.num(s.l2()) + ": the optimizer will mostly shrink weights";
            return List.of(before(sev, Subject.NONE, msg, Evidence.of("penalty_to_loss", ratio).and("l1", s.l1()).and("l2", s.l2())
                    .and("bound", sev == Severity.ERROR ? errorRatio : warnRatio), Remedy.REDUCE_REGULARIZATION));
        }
        if (shrink < -5) {
            Severity sev = shrink < -20 ? Severity.ERROR : Severity.WARNING;
            String msg = "weight_decay " + Fmt.num(s.weightDecay()) + " alone would shrink the weights by e^" + Fmt.num(shrink)
                    + " over the run";
            return List.of(before(sev, Subject.NONE, msg, Evidence.of("log_shrink", shrink).and("weight_decay", s.weightDecay()),
                    Remedy.REDUCE_REGULARIZATION));
        }
        return none();
    }
}
