package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * DATA_TOO_SMALL: far more parameters than training rows.
 *
 * <p><b>Signal:</b> the model's parameter count over the training rows. Defaults: more than
 * {@code 30} parameters per row (warning), more than {@code 100} (error). <b>Likely causes:</b> a
 * pilot sample trained with a production-size network. Such a model can memorize the training rows.
 * <b>Remedies:</b> early stopping, regularization, dropout, a smaller network, more data.
 */
public final class TooSmallRule extends BaseRule {
    private final double warnRatio;
    private final double errorRatio;

    public TooSmallRule() {
        this(30, 100);
    }

    public TooSmallRule(double warnRatio, double errorRatio) {
        super("too-small", "DATA_TOO_SMALL", Phase.DATA, Signal.SETUP);
        this.warnRatio = warnRatio;
        this.errorRatio = errorRatio;
    }

    @Override
    public List<Finding> check(RunLog log) {
        RunSetup s = log.setup();
        if (s.trainRows() <= 0 || s.parameters() <= 0) {
            return none(); // sizes another framework did not record
        }
        double ratio = s.parameters() / (double) Math.max(1, s.trainRows());
        if (ratio <= warnRatio) {
            return none();
        }
        Severity sev = ratio > errorRatio ? Severity.ERROR : Severity.WARNING;
        String msg = s.trainRows() + " training rows for " + s.parameters() + " parameters (" + Fmt.num(ratio)
                + " per row): the network can memorize the training data";
        return List.of(before(sev, null, msg, Evidence.of("parameters_per_row", ratio).and("train_rows", s.trainRows())
                .and("parameters", s.parameters()).and("bound", sev == Severity.ERROR ? errorRatio : warnRatio),
                Remedy.EARLY_STOPPING, Remedy.ADD_REGULARIZATION, Remedy.REDUCE_CAPACITY, Remedy.ADD_DROPOUT));
    }
}
