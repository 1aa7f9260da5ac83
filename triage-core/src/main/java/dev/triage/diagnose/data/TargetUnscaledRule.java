package dev.triage.diagnose.data;

import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_TARGET_UNSCALED: a regression target far from unit scale is trained on unscaled
 * ({@code scale_target: none}).
 *
 * <p><b>Signal:</b> the target's standard deviation and mean. <b>Likely causes:</b> prices, counts or
 * sensor values in raw units. The loss and its gradients are then huge (or tiny), the output layer
 * must learn a large bias, and a learning rate tuned for unit scale is wrong by the same factor.
 * <b>Remedies:</b> standardize the target (predictions are reported back in target units).
 * Default bounds: std or |mean| above {@code 10} or std below {@code 0.01} (warning), above
 * {@code 1000} (error).
 */
public final class TargetUnscaledRule extends BaseRule {
    private final double warnBound;
    private final double errorBound;

    public TargetUnscaledRule() {
        this(10, 1000);
    }

    public TargetUnscaledRule(double warnBound, double errorBound) {
        super("target-unscaled", "DATA_TARGET_UNSCALED", Phase.DATA, Signal.DATA, Signal.SETUP);
        this.warnBound = warnBound;
        this.errorBound = errorBound;
    }

    @Override
    public List<Finding> check(RunLog log) {
        ColumnProfile t = log.data().target();
        if (log.setup().task() != Task.REGRESSION || log.setup().scaleTarget() != TargetScaling.NONE || t == null
                || t.summary() == null) {
            return none();
        }
        double std = t.summary().std();
        double size = Math.max(std, Math.abs(t.summary().mean()));
        if (size <= warnBound && std >= 1 / (warnBound * 10)) {
            return none();
        }
        Severity sev = size > errorBound ? Severity.ERROR : Severity.WARNING;
        String msg = "the target " + t.name() + " is trained in raw units (std " + Fmt.num(std) + ", mean "
                + Fmt.num(t.summary().mean()) + ") with scale_target: none";
        return List.of(before(sev, new Subject.Target(t.name()), msg, Evidence.of("target_std", std).and("target_mean", t.summary().mean())
                .and("bound", sev == Severity.ERROR ? errorBound : warnBound), Remedy.SCALE_TARGET));
    }
}
