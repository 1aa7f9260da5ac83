package dev.triage.diagnose.setup;

import dev.triage.config.Activation;
import dev.triage.config.Loss;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Fmt;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.NumericSummary;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * CONFIG_OUTPUT_LOSS_MISMATCH: the output activation, the loss and the task do not fit together.
 *
 * <p><b>Signal:</b> the configured output activation, loss, task and output units. <b>Likely causes:</b>
 * a softmax on a single output (always 1), a classification loss on a regression target, cross
 * entropy on unbounded outputs, a bounded output (sigmoid, relu, tanh) for a standardized target
 * that takes negative or large values — or a target in raw units (with {@code scale_target: none}, when the
 * data was profiled) outside the output's range: an error when its median is out of reach, a warning
 * when only part of it is — a regression loss for classes. <b>Remedies:</b> identity and
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
        String problem = s.task() == Task.REGRESSION ? regression(s, log.data() == null ? null : log.data().target())
                : classification(s);
        if (problem == null) {
            return none();
        }
        Severity sev = problem.startsWith("!") ? Severity.WARNING : Severity.ERROR;
        String msg = "output " + s.outputActivation().configName() + " with loss " + s.loss().configName() + " for "
                + s.task().configName() + ": " + problem.replace("!", "");
        return List.of(before(sev, s.output().describe(), msg, Evidence.of("output_units", s.output().units())
                .and("classes", s.classes()), Remedy.FIX_OUTPUT_AND_LOSS));
    }

    private static String regression(RunSetup s, ColumnProfile target) {
        Activation out = s.outputActivation();
        boolean centered = s.scaleTarget() != TargetScaling.NONE;
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
        return centered || target == null || target.summary() == null ? null : rawRange(out, target.summary());
    }

    /** A bounded output against a target in raw units: what it cannot reach. */
    private static String rawRange(Activation out, NumericSummary t) {
        double low = out == Activation.SIGMOID ? 0 : out == Activation.TANH ? -1 : out == Activation.RELU ? 0 : Double.NaN;
        double high = out == Activation.RELU ? Double.POSITIVE_INFINITY : out == Activation.IDENTITY ? Double.NaN : 1;
        if (Double.isNaN(low) || Double.isNaN(high) || t.min() >= low && t.max() <= high) {
            return null;
        }
        String range = "[" + Fmt.num(t.min()) + ", " + Fmt.num(t.max()) + "]";
        String reach = out == Activation.RELU ? "no negative value" : "only values between " + Fmt.num(low) + " and " + Fmt.num(high);
        boolean most = t.median() < low || t.median() > high;
        return (most ? "" : "!") + "the target spans " + range + " in raw units (scale_target: none), but " + out.configName()
                + " can output " + reach;
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
