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
import dev.triage.probe.log.ColumnProfile;
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
 * that takes negative or large values, a regression loss for classes. <b>Remedies:</b> identity and
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
        String problem = s.task() == Task.REGRESSION ? regression(s, targetRange(log)) : classification(s);
        if (problem == null) {
            return none();
        }
        Severity sev = problem.startsWith("!") ? Severity.WARNING : Severity.ERROR;
        String msg = "output " + s.outputActivation().configName() + " with loss " + s.loss().configName() + " for "
                + s.task().configName() + ": " + problem.replace("!", "");
        return List.of(before(sev, s.output().describe(), msg, Evidence.of("output_units", s.output().units())
                .and("classes", s.classes()), Remedy.FIX_OUTPUT_AND_LOSS));
    }

    /**
     * The range of the target the output must reach, when it is known: another framework's probe measured
     * it, or the target is not scaled and the data profile has it. Null otherwise.
     */
    private static double[] targetRange(RunLog log) {
        if (log.targets() != null && Double.isFinite(log.targets().min()) && Double.isFinite(log.targets().max())) {
            return new double[] {log.targets().min(), log.targets().max()};
        }
        ColumnProfile t = log.data() == null ? null : log.data().target();
        if (log.setup().scaleTarget() == TargetScaling.NONE && t != null && t.summary() != null) {
            return new double[] {t.summary().min(), t.summary().max()};
        }
        return null;
    }

    private static String regression(RunSetup s, double[] range) {
        Activation out = s.outputActivation();
        boolean centered = s.scaleTarget() != null && s.scaleTarget() != TargetScaling.NONE;
        String bounded = range == null ? null : outOfReach(out, range);
        if (bounded != null && !s.loss().isClassification()) {
            return bounded;
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

    /** Why a bounded output cannot reach targets spanning {@code range}; null when it can. */
    private static String outOfReach(Activation out, double[] range) {
        double lo = out == Activation.SIGMOID ? 0 : out == Activation.TANH ? -1 : out == Activation.RELU || out == Activation.SOFTPLUS ? 0 : Double.NEGATIVE_INFINITY;
        double hi = out == Activation.SIGMOID || out == Activation.TANH ? 1 : Double.POSITIVE_INFINITY;
        if (range[0] >= lo && range[1] <= hi) {
            return null;
        }
        String limits = Double.isInfinite(hi) ? "at least " + Fmt.num(lo) : "between " + Fmt.num(lo) + " and " + Fmt.num(hi);
        String fix = out == Activation.RELU || out == Activation.SOFTPLUS ? "!" : "";
        return fix + out.configName() + " outputs lie " + limits + ", but the target spans " + Fmt.num(range[0]) + " to "
                + Fmt.num(range[1]) + ": the network cannot reach most targets (use an identity output, or scale the target)";
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
