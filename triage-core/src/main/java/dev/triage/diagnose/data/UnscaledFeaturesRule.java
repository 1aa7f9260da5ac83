package dev.triage.diagnose.data;

import dev.triage.config.Scaling;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_UNSCALED: features reach the network unscaled ({@code scale: none}) with magnitudes far from 1
 * or spreads that differ by orders of magnitude.
 *
 * <p><b>Signal:</b> the largest absolute feature value and the ratio of the largest to the smallest
 * feature standard deviation. <b>Likely causes:</b> raw measurements in their own units (counts in the
 * thousands next to fractions). Large inputs saturate tanh/sigmoid units, dominate the gradient and
 * demand a tiny learning rate. <b>Remedies:</b> standard scaling, or robust scaling with outliers.
 * Default bounds: magnitude {@code 20} or spread ratio {@code 20} (warning), {@code 100} (error).
 */
public final class UnscaledFeaturesRule extends BaseRule {
    private final double warnBound;
    private final double errorBound;

    public UnscaledFeaturesRule() {
        this(20, 100);
    }

    public UnscaledFeaturesRule(double warnBound, double errorBound) {
        super("unscaled-features", "DATA_UNSCALED", Phase.DATA, Signal.DATA, Signal.SETUP);
        this.warnBound = warnBound;
        this.errorBound = errorBound;
    }

    @Override
    public List<Finding> check(RunLog log) {
        if (log.setup().scale() != Scaling.NONE) {
            return List.of();
        }
        ColumnProfile largest = null;
        double minStd = Double.POSITIVE_INFINITY;
        double maxStd = 0;
        for (ColumnProfile c : log.data().features()) {
            if (!c.numeric() || c.summary() == null || !(c.summary().std() > 0)) {
                continue;
            }
            if (largest == null || c.summary().magnitude() > largest.summary().magnitude()) {
                largest = c;
            }
            minStd = Math.min(minStd, c.summary().std());
            maxStd = Math.max(maxStd, c.summary().std());
        }
        if (largest == null) {
            return List.of();
        }
        double magnitude = largest.summary().magnitude();
        double ratio = maxStd / minStd;
        if (magnitude <= warnBound && ratio <= warnBound) {
            return List.of();
        }
        Severity sev = magnitude > errorBound || ratio > errorBound ? Severity.ERROR : Severity.WARNING;
        String msg = "features are not scaled (scale: none): values reach " + Fmt.num(magnitude) + " in " + largest.name()
                + " and feature standard deviations differ " + Fmt.num(ratio) + "-fold";
        return List.of(before(sev, largest.name(), msg,
                Evidence.of("max_abs_value", magnitude).and("std_ratio", ratio).and("bound", sev == Severity.ERROR ? errorBound : warnBound),
                Remedy.SCALE_FEATURES, Remedy.ROBUST_SCALE_FEATURES));
    }
}
