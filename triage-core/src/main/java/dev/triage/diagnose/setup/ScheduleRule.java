package dev.triage.diagnose.setup;

import dev.triage.config.ScheduleConfig;
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
 * CONFIG_SCHEDULE: a learning-rate schedule that drives the rate to about zero long before the last epoch.
 *
 * <p><b>Signal:</b> the planned rate of each epoch (step, exponential, cosine and warm-up cosine
 * schedules, with {@code min_learning_rate}) against the base rate: the first epoch at which it falls
 * below {@code tiny} (default 1e-3) of it. Error when that happens within the first {@code errorShare}
 * (default 10%) of the epochs, warning within {@code warnShare} (default 50%); the remaining epochs
 * barely move the weights. Reduce-on-plateau adapts to the run and is not judged. <b>Likely
 * causes:</b> a per-step decay used per epoch ({@code exponential} with its default gamma 0.1 divides
 * the rate by 10 every epoch), a step size far below the run length. <b>Remedies:</b> a schedule that
 * spans the run (cosine from the base rate).
 */
public final class ScheduleRule extends BaseRule {
    private final double tiny;
    private final double errorShare;
    private final double warnShare;

    public ScheduleRule() {
        this(1e-3, 0.1, 0.5);
    }

    public ScheduleRule(double tiny, double errorShare, double warnShare) {
        super("schedule", "CONFIG_SCHEDULE", Phase.CONFIG, Signal.SETUP);
        this.tiny = tiny;
        this.errorShare = errorShare;
        this.warnShare = warnShare;
    }

    @Override
    public List<Finding> check(RunLog log) {
        RunSetup s = log.setup();
        ScheduleConfig c = s.schedule();
        int epochs = Math.max(1, s.epochs());
        if (c == null || !(s.learningRate() > 0)) {
            return none();
        }
        int at = 0;
        for (int e = 1; e <= epochs && at == 0; e++) {
            at = factor(c, e, epochs, s.learningRate()) < tiny ? e : 0;
        }
        double share = at / (double) epochs;
        if (at == 0 || share > warnShare) {
            return none();
        }
        String msg = "the " + c.type().configName() + " schedule brings the learning rate below " + Fmt.num(tiny)
                + " of its base " + Fmt.num(s.learningRate()) + " by epoch " + at + " of " + epochs + "; the last "
                + (epochs - at + 1) + " epochs barely move the weights";
        return List.of(before(share <= errorShare ? Severity.ERROR : Severity.WARNING, Subject.NONE, msg, Evidence.of("epoch", at)
                .and("epochs", epochs).and("share_of_run", share).and("final_factor", factor(c, epochs, epochs, s.learningRate()))
                .and("tiny", tiny), Remedy.FIX_LR_SCHEDULE));
    }

    /** The planned rate of epoch {@code e} (1-based) over the base rate (1 for adaptive and constant schedules). */
    static double factor(ScheduleConfig c, int e, int epochs, double base) {
        double min = c.minLearningRate() / base;
        double f = switch (c.type()) {
            case CONSTANT, REDUCE_ON_PLATEAU -> 1;
            case STEP -> Math.pow(c.gamma(), Math.floorDiv(e - 1, c.stepSize()));
            case EXPONENTIAL -> Math.pow(c.gamma(), e - 1);
            case COSINE -> min + (1 - min) * (1 + Math.cos(Math.PI * (e - 1) / epochs)) / 2;
            case WARMUP_COSINE -> e <= c.warmupEpochs() ? e / (double) c.warmupEpochs() : min + (1 - min)
                    * (1 + Math.cos(Math.PI * (e - c.warmupEpochs() - 1) / Math.max(1, epochs - c.warmupEpochs()))) / 2;
        };
        return Math.max(min, f);
    }
}
