package dev.triage.diagnose.data;

import dev.triage.config.Scaling;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Outcome;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.InputStats;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_UNSCALED: features reach the network unscaled ({@code scale: none}) with magnitudes far from 1.
 * For a run recorded by another framework's probe, the inputs the network really received are judged
 * (whatever the user's code did to the file first).
 *
 * <p><b>Signal:</b> the largest absolute feature value, and the ratio of the largest to the smallest
 * feature standard deviation. Too large: a magnitude above {@code warnBound} (default 20, warning) or
 * {@code largeErrorBound} (default 1000, error). Too small: every feature within 1/{@code warnBound}
 * (warning) or {@code tinyErrorBound} (default 0.01, error) of zero — the first layer then sees almost
 * no signal. The two error bounds are separate because calibration showed unscaled data that trains well
 * up to magnitudes of a few hundred (pixels 0-255, counts), while ×1e-5 features fail from 1e-2 down
 * (docs/calibration.md). A spread ratio alone is never an error: it is scale-free. Spreads
 * that differ more than {@code warnBound}-fold are a warning when the widest feature spreads beyond 1
 * (it dominates the others); features already within [-1, 1] that merely differ in spread (pixels
 * divided by 255, with nearly constant border pixels) are fine. <b>Likely causes:</b> raw measurements
 * in their own units. Large inputs saturate tanh/sigmoid units, dominate the gradient and demand a tiny
 * learning rate; tiny ones need huge weights. <b>Remedies:</b> standard scaling, or robust scaling.
 *
 * <p>An error is a prediction that the run will break. Reviewed once the run has ended, it becomes a
 * warning when the run held its own against its best baseline all the same ({@link Outcome#endedHealthy}):
 * calibration found healthy runs on unscaled data with magnitudes in the thousands (docs/calibration.md),
 * and scaling would still likely make them train faster and more reliably.
 */
public final class UnscaledFeaturesRule extends BaseRule {
    private final double warnBound;
    private final double largeErrorBound;
    private final double tinyErrorBound;

    public UnscaledFeaturesRule() {
        this(20, 1000, 0.01);
    }

    /** Symmetric bounds: an error above {@code errorBound} or below its inverse. */
    public UnscaledFeaturesRule(double warnBound, double errorBound) {
        this(warnBound, errorBound, 1 / errorBound);
    }

    public UnscaledFeaturesRule(double warnBound, double largeErrorBound, double tinyErrorBound) {
        super("unscaled-features", "DATA_UNSCALED", Phase.DATA, Signal.SETUP);
        this.warnBound = warnBound;
        this.largeErrorBound = largeErrorBound;
        this.tinyErrorBound = tinyErrorBound;
    }

    @Override
    public List<Finding> check(RunLog log) {
        if (log.inputs() != null) {
            return checkInputs(log.inputs());
        }
        if (log.data() == null || log.setup().scale() != Scaling.NONE) {
            return none();
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
            return none();
        }
        return judge(largest.summary().magnitude(), maxStd, minStd, largest.name(), "features are not scaled (scale: none)");
    }

    @Override
    public Finding review(Finding before, RunLog log) {
        if (before.severity() != Severity.ERROR || !Outcome.endedHealthy(log)) {
            return before;
        }
        return before.revised(Severity.WARNING, "; a warning, not an error: the run held its own against its best baseline"
                + " all the same (scaling usually still trains faster)", Outcome.evidence(log));
    }

    /** Another framework's run: what the network received. */
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
        return largest < 0 ? none() : judge(magnitude, maxStd, minStd, in.name(largest), "the inputs the network received are not scaled");
    }

    private List<Finding> judge(double magnitude, double maxStd, double minStd, String column, String what) {
        double ratio = maxStd / minStd;
        boolean large = magnitude > warnBound;
        boolean tiny = magnitude < 1 / warnBound;
        boolean uneven = ratio > warnBound && maxStd > 1;
        if (!large && !tiny && !uneven) {
            return none();
        }
        boolean error = large && magnitude > largeErrorBound || tiny && magnitude < tinyErrorBound;
        String msg = what + ": " + (tiny
                ? "every feature is within " + Fmt.num(magnitude) + " of zero (largest: " + column + "), too small a signal"
                : "values reach " + Fmt.num(magnitude) + " in " + column) + " and feature standard deviations differ "
                + Fmt.num(ratio) + "-fold";
        return List.of(before(error ? Severity.ERROR : Severity.WARNING, Subject.column(column), msg,
                Evidence.of("max_abs_value", magnitude).and("std_ratio", ratio).and("bound", !error ? (tiny ? 1 / warnBound : warnBound) : tiny ? tinyErrorBound : largeErrorBound),
                Remedy.SCALE_FEATURES, Remedy.ROBUST_SCALE_FEATURES));
    }
}
