package dev.triage.diagnose.data;

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
import java.util.ArrayList;
import java.util.List;

/**
 * DATA_TOO_SMALL: far more parameters than training rows.
 *
 * <p><b>Signal:</b> the model's parameter count over the training rows: an info above {@code infoRatio}
 * (default 30) parameters per row, a warning above {@code warnRatio} (default 100; calibrated: from 30,
 * 20.5% of healthy runs were warned, from 100, 4%: docs/calibration.md). Never an error: a ratio is a risk, not an outcome —
 * large networks often generalize well with early stopping, and when one does memorize its training
 * rows, TRAIN_OVERFITTING says so from the curves. <b>Likely causes:</b> a pilot sample trained with
 * a production-size network. <b>Remedies:</b> early stopping (unless it is on), regularization,
 * dropout, a smaller network, more data.
 */
public final class TooSmallRule extends BaseRule {
    private final double infoRatio;
    private final double warnRatio;

    public TooSmallRule() {
        this(30, 100);
    }

    /** A warning from {@code warnRatio} parameters per row, nothing below it. */
    public TooSmallRule(double warnRatio) {
        this(warnRatio, warnRatio);
    }

    public TooSmallRule(double infoRatio, double warnRatio) {
        super("too-small", "DATA_TOO_SMALL", Phase.DATA, Signal.SETUP);
        this.infoRatio = infoRatio;
        this.warnRatio = warnRatio;
    }

    @Override
    public List<Finding> check(RunLog log) {
        RunSetup s = log.setup();
        if (s.trainRows() <= 0 || s.parameters() <= 0) {
            return none(); // sizes another framework did not record
        }
        double ratio = s.parameters() / (double) Math.max(1, s.trainRows());
        if (ratio <= infoRatio) {
            return none();
        }
        boolean warn = ratio > warnRatio;
        String msg = s.trainRows() + " training rows for " + s.parameters() + " parameters (" + Fmt.num(ratio)
                + " per row): the network can memorize the training data"
                + (s.restoreBest() ? "; early stopping restores the best epoch" : "");
        List<Remedy> remedies = new ArrayList<>();
        if (!s.restoreBest()) {
            remedies.add(Remedy.EARLY_STOPPING);
        }
        remedies.addAll(List.of(Remedy.ADD_REGULARIZATION, Remedy.REDUCE_CAPACITY, Remedy.ADD_DROPOUT));
        return List.of(before(warn ? Severity.WARNING : Severity.INFO, Subject.NONE, msg, Evidence.of("parameters_per_row", ratio)
                .and("train_rows", s.trainRows()).and("parameters", s.parameters()).and("bound", warn ? warnRatio : infoRatio),
                remedies.toArray(Remedy[]::new)));
    }
}
