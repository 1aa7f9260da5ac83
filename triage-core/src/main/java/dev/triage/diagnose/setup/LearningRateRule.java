package dev.triage.diagnose.setup;

import dev.triage.config.Optimizer;
import dev.triage.config.OptimizerProfile;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * CONFIG_LEARNING_RATE: a learning rate outside the usual range of its optimizer.
 *
 * <p><b>Signal:</b> the learning rate; for momentum SGD the effective rate lr / (1 - momentum).
 * Usual ranges (warning outside, error far outside; {@link OptimizerProfile}): SGD family 1e-4..0.3
 * (errors below 1e-6 or above 1), Adam/AdamW/RMSProp 1e-5..0.01 (errors below 1e-6 or above 0.03),
 * Adagrad 1e-3..0.5, L-BFGS 0.1..2. <b>Likely causes:</b> a rate copied from another optimizer or loss scale (an SGD rate used
 * with Adam, an Adam fine-tuning rate with SGD). Too high diverges or kills units; too low barely
 * moves. <b>Remedies:</b> lower or raise the rate; Adam is forgiving.
 */
public final class LearningRateRule extends BaseRule {
    public LearningRateRule() {
        super("learning-rate", "CONFIG_LEARNING_RATE", Phase.CONFIG, Signal.SETUP);
    }

    @Override
    public List<Finding> check(RunLog log) {
        RunSetup s = log.setup();
        if (!(s.learningRate() > 0) || s.optimizer() == Optimizer.OTHER) {
            return none();
        }
        OptimizerProfile p = s.optimizer().profile();
        boolean momentum = p.momentumScaled();
        double effective = p.effectiveRate(s.learningRate(), s.momentum());
        if (effective >= p.usualLow() && effective <= p.usualHigh()) {
            return none();
        }
        boolean high = effective > p.usualHigh();
        Severity sev = effective > p.errorHigh() || effective < p.errorLow() ? Severity.ERROR : Severity.WARNING;
        String what = momentum ? "effective learning rate " + Fmt.num(effective) + " (" + Fmt.num(s.learningRate())
                + " with momentum " + Fmt.num(s.momentum()) + ")" : "learning rate " + Fmt.num(s.learningRate());
        String msg = what + " is " + (high ? "above" : "below") + " the usual range " + Fmt.num(p.usualLow()) + " to " + Fmt.num(p.usualHigh())
                + " for " + s.optimizer().configName() + (high ? ": expect divergence, NaN or dead units" : ": training will crawl");
        Evidence ev = Evidence.of("learning_rate", s.learningRate()).and("effective_rate", effective)
                .and("usual_low", p.usualLow()).and("usual_high", p.usualHigh());
        return List.of(high ? before(sev, Subject.NONE, msg, ev, Remedy.LOWER_LEARNING_RATE, Remedy.USE_ADAM, Remedy.CLIP_GRADIENTS)
                : before(sev, Subject.NONE, msg, ev, Remedy.RAISE_LEARNING_RATE, Remedy.USE_ADAM));
    }
}
