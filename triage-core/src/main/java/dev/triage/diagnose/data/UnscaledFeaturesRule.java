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
import dev.triage.probe.log.InputStats;
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
        super("unscaled-features", "DATA_UNSCALED", Phase.DATA, Signal.SETUP);
        this.warnBound = warnBound;
        this.errorBound = errorBound;
    }

    @Override
    public List<Finding> check(RunLog log) {
        if (log.inputs() != null) {
            return checkInputs(log.inputs());
        }
        if (log.data() == null || log.setup().scale() != Scaling.NONE) {
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
        return judge(largest.summary().magnitude(), maxStd / minStd, largest.name(), "features are not scaled (scale: none)");
    }

    /** Another framework's run: judge what the network received, whatever the user did to the file before. */
    private List<Finding> checkInputs(InputStats in) {
        int largest = -1;
        double magnitude = 0;
        double minStd = Double.POSITIVE_INFINITY;
        double maxStd = 0;
        for (int i = 0; i < in.features(); i++) {
            double m = Math.max(Math.abs(in.min()[i]), Math.abs(in.max()[i]));
            if (!(in.std()[i] > 0) || !Double.isFinite(m)) {
                continue;
            }
            if (largest < 0 || m > magnitude) {
                largest = i;
                magnitude = m;
            }
            minStd = Math.min(minStd, in.std()[i]);
            maxStd = Math.max(maxStd, in.std()[i]);
        }
        return largest < 0 ? List.of() : judge(magnitude, maxStd / minStd, in.name(largest), "the inputs the network received are not scaled");
    }

    private List<Finding> judge(double magnitude, double ratio, String column, String what) {
        if (magnitude <= warnBound && ratio <= warnBound) {
            return List.of();
        }
        Severity sev = magnitude > errorBound || ratio > errorBound ? Severity.ERROR : Severity.WARNING;
        String msg = what + ": values reach " + Fmt.num(magnitude) + " in " + column
                + " and feature standard deviations differ " + Fmt.num(ratio) + "-fold";
        return List.of(before(sev, column, msg,
                Evidence.of("max_abs_value", magnitude).and("std_ratio", ratio).and("bound", sev == Severity.ERROR ? errorBound : warnBound),
                Remedy.SCALE_FEATURES, Remedy.ROBUST_SCALE_FEATURES));
    }
}
