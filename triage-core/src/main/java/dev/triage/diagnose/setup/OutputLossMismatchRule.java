package dev.triage.diagnose.setup;

import dev.triage.config.Activation;
import dev.triage.config.Loss;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.NumericSummary;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.Signal;
import dev.triage.probe.log.TargetStats;
import java.util.List;

/**
 * CONFIG_OUTPUT_LOSS_MISMATCH: the output activation, the loss and the task do not fit together.
 *
 * <p><b>Signal:</b> the configured output activation, loss, task and output units. <b>Likely causes:</b>
 * a softmax on a single output (always 1), a classification loss on a regression target, cross
 * entropy on unbounded outputs, a bounded output (sigmoid, relu, tanh) for a standardized target
 * that takes negative or large values, a bounded output for a target the network receives unscaled beyond
 * those bounds (a sigmoid for prices), a regression loss for classes. <b>Remedies:</b> identity and
 * MSE for regression; sigmoid with binary cross entropy for two classes; softmax with cross entropy
 * for more (what {@code auto} chooses).
 */
public final class OutputLossMismatchRule extends BaseRule {
    public OutputLossMismatchRule() {
        super("output-loss-mismatch", "CONFIG_OUTPUT_LOSS_MISMATCH", Phase.CONFIG, Signal.SETUP);
    }

    @Override
    public List<Finding> check(RunLog log) {
        RunSetup s = log.setup();
        String problem = s.task() == Task.REGRESSION ? regression(s, target(log)) : classification(s);
        if (problem == null) {
            return none();
        }
        Severity sev = problem.startsWith("!") ? Severity.WARNING : Severity.ERROR;
        String msg = "output " + s.outputActivation().configName() + " with loss " + s.loss().configName() + " for "
                + s.task().configName() + ": " + problem.replace("!", "");
        return List.of(before(sev, layer(s.output()), msg, Evidence.of("output_units", s.output().units())
                .and("classes", s.classes()), Remedy.FIX_OUTPUT_AND_LOSS));
    }

    /**
     * The target as the network receives it, when known: measured by another framework's probe (its mean
     * stands in for the median), or profiled from the data when the target is not scaled. Else null.
     */
    private static NumericSummary target(RunLog log) {
        TargetStats t = log.targets();
        if (t != null && Double.isFinite(t.min()) && Double.isFinite(t.max())) {
            return new NumericSummary(t.min(), Double.NaN, t.mean(), Double.NaN, t.max(), t.mean(), t.std(), Double.NaN);
        }
        if (log.setup().scaleTarget() != TargetScaling.NONE || log.data() == null || log.data().target() == null) {
            return null;
        }
        return log.data().target().summary();
    }

    private static String regression(RunSetup s, NumericSummary target) {
        Activation out = s.outputActivation();
        boolean centered = s.scaleTarget() != null && s.scaleTarget() != TargetScaling.NONE;
        String range = target == null ? null : outOfRange(out, target);
        if (range != null && !s.loss().isClassification()) {
            return range;
        }
        if (s.loss().isClassification()) {
            return "a classification loss cannot fit a numeric target";
        }
        if (out == Activation.SOFTMAX) {
            return "softmax outputs sum to 1 and cannot follow a numeric target";
        }
        if ((out == Activation.SIGMOID || out == Activation.RELU) && centered) {
            return "the standardized target is negative for half the rows, which " + out.configName() + " cannot output";
        }
        if (out == Activation.TANH && centered) {
            return "!tanh stops at -1 and 1 while the standardized target spreads beyond them";
        }
        return null;
    }

    /**
     * A bounded output (sigmoid 0..1, tanh -1..1, relu and softplus from 0) for a target that goes beyond
     * its bounds: an error when the median target is out of reach, a warning when only the tail is.
     */
    private static String outOfRange(Activation out, NumericSummary t) {
        double lo;
        double hi;
        switch (out) {
            case SIGMOID -> { lo = 0; hi = 1; }
            case TANH -> { lo = -1; hi = 1; }
            case RELU, SOFTPLUS -> { lo = 0; hi = Double.POSITIVE_INFINITY; }
            default -> { return null; }
        }
        if (!(t.min() < lo || t.max() > hi)) {
            return null;
        }
        boolean median = t.median() < lo || t.median() > hi;
        String reach = Double.isInfinite(hi) ? "values of at least " + Fmt.num(lo) : "values between " + Fmt.num(lo) + " and " + Fmt.num(hi);
        return (median ? "" : "!") + "the target spans [" + Fmt.num(t.min()) + ", " + Fmt.num(t.max()) + "] (median "
                + Fmt.num(t.median()) + "), beyond what " + out.configName() + " can output ("
                + Fmt.num(lo) + (Double.isInfinite(hi) ? " and up" : " to " + Fmt.num(hi)) + "): it reaches only " + reach;
    }

    private static String classification(RunSetup s) {
        Activation out = s.outputActivation();
        int units = s.output().units();
        if (out == Activation.SOFTMAX && units == 1) {
            return "a softmax over one unit always outputs 1, so the network predicts a constant and cannot learn";
        }
        if (s.loss().isClassification() && (out == Activation.IDENTITY || out == Activation.RELU || out == Activation.TANH)) {
            return "cross entropy needs probabilities, but " + out.configName() + " outputs are not";
        }
        if (s.loss() == Loss.CROSS_ENTROPY && out == Activation.SIGMOID && units > 1) {
            return "!independent sigmoids with cross entropy never push wrong classes down; use softmax";
        }
        if (!s.loss().isClassification()) {
            return "!a regression loss on class labels learns slowly and gives no calibrated probabilities";
        }
        return null;
    }
}
