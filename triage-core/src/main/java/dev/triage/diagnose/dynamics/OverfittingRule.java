package dev.triage.diagnose.dynamics;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * TRAIN_OVERFITTING: the validation loss rises while the training loss keeps falling.
 *
 * <p><b>Signal:</b> epoch losses. Fires when, at least {@code patience} epochs (default 5) after its
 * minimum (which must come after the first epoch: a validation loss that never improved is another
 * problem), the validation loss is {@code rise} (default 25%) above that minimum — and above it by at
 * least 10% of the first epoch's validation loss, so tiny losses do not trigger it — while the
 * training loss fell to 80% or less of its value at the minimum. An error when the final model is the
 * overfit one (no early stopping restoring the best epoch) and, once the run has ended, it falls short
 * of the best baseline (a classifier: by more than 2 points and 2 standard errors of accuracy); a warning
 * otherwise, and while training runs. <b>Likely causes:</b>
 * too little data for the model, too many epochs, no regularization. <b>Remedies:</b> early stopping,
 * regularization, dropout, a smaller network.
 */
public final class OverfittingRule extends BaseRule {
    private final double rise;
    private final int patience;

    public OverfittingRule() {
        this(0.25, 5);
    }

    public OverfittingRule(double rise, int patience) {
        super("overfitting", "TRAIN_OVERFITTING", Phase.TRAINING, Signal.VALIDATION, Signal.SETUP);
        this.rise = rise;
        this.patience = patience;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<EpochPoint> e = log.epochs();
        int min = 0;
        // the first epoch at which the condition held: the same finding however often the rule runs
        for (int end = 1; end < e.size(); end++) {
            if (e.get(end).validationLoss() < e.get(min).validationLoss()) {
                min = end;
            }
            if (end >= patience + 1 && overfit(e, min, end)) {
                return finding(log, e.get(min), e.get(end));
            }
        }
        return none();
    }

    private boolean overfit(List<EpochPoint> e, int min, int end) {
        EpochPoint best = e.get(min);
        EpochPoint now = e.get(end);
        double first = e.get(0).validationLoss();
        boolean rose = now.validationLoss() >= (1 + rise) * best.validationLoss()
                && now.validationLoss() - best.validationLoss() >= 0.1 * first;
        boolean trainFell = now.trainLoss() <= 0.8 * best.trainLoss();
        return rose && trainFell && min > 0 && end - min >= patience;
    }

    private List<Finding> finding(RunLog log, EpochPoint best, EpochPoint now) {
        boolean holds = CurveShape.beatsBaselines(log);
        // while training, whether the final model falls short is not known yet: a warning, judged again at the end
        boolean ended = log.evaluation() != null;
        Severity sev = log.setup().restoreBest() || holds || !ended ? Severity.WARNING : Severity.ERROR;
        String msg = "the validation loss rose from " + Fmt.num(best.validationLoss()) + " (epoch " + best.epoch() + ") to "
                + Fmt.num(now.validationLoss()) + " while the training loss fell to " + Fmt.num(now.trainLoss())
                + (log.setup().restoreBest() ? "; early stopping restores the best epoch" : holds
                ? "; the final model still holds its own against the baselines" : ": the model memorizes the training rows");
        return List.of(during(sev, now.epoch(), now.step(), null, msg, Evidence.of("best_validation_loss", best.validationLoss())
                .and("validation_loss", now.validationLoss()).and("train_loss", now.trainLoss()).and("best_epoch", best.epoch())
                .and("rise_bound", rise), Remedy.EARLY_STOPPING, Remedy.ADD_REGULARIZATION, Remedy.ADD_DROPOUT,
                Remedy.REDUCE_CAPACITY));
    }
}
