package dev.triage.diagnose.setup;

import dev.triage.config.Optimizer;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * CONFIG_BATCH_SIZE: a batch size that leaves too few updates, or a batch of one with an adaptive
 * optimizer.
 *
 * <p><b>Signal:</b> batch size against training rows and the total number of steps. Error: the batch
 * holds every training row (one step per epoch) with a mini-batch optimizer; warning: batch size 1
 * with an adaptive optimizer (noisy, slow, no benefit). <b>Likely causes:</b> a batch size copied from
 * a GPU example onto a small data set. <b>Remedies:</b> a batch of 16 to 128 rows.
 */
public final class BatchSizeRule extends BaseRule {
    public BatchSizeRule() {
        super("batch-size", "CONFIG_BATCH_SIZE", Phase.CONFIG, Signal.SETUP);
    }

    @Override
    public List<Finding> check(RunLog log) {
        RunSetup s = log.setup();
        if (s.optimizer() == Optimizer.LBFGS || s.batchSize() <= 0 || s.trainRows() <= 0) {
            return none(); // full-batch by design, or sizes another framework did not record
        }
        Evidence ev = Evidence.of("batch_size", s.batchSize()).and("train_rows", s.trainRows())
                .and("total_steps", (double) s.stepsPerEpoch() * s.epochs());
        if (s.batchSize() >= s.trainRows()) {
            String msg = "batch size " + s.batchSize() + " covers all " + s.trainRows() + " training rows: one update per epoch, "
                    + s.epochs() + " updates in the whole run";
            return List.of(before(Severity.ERROR, Subject.NONE, msg, ev, Remedy.CHANGE_BATCH_SIZE));
        }
        if (s.batchSize() == 1 && s.optimizer().isAdaptive()) {
            String msg = "batch size 1 with " + s.optimizer().configName() + ": every step follows one row's noisy gradient";
            return List.of(before(Severity.WARNING, Subject.NONE, msg, ev, Remedy.CHANGE_BATCH_SIZE));
        }
        return none();
    }
}
