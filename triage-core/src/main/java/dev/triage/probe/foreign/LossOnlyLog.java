package dev.triage.probe.foreign;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Imputation;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.config.Task;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunOrigin;
import dev.triage.probe.log.RunSetup;
import java.util.List;

/**
 * A run log built from a logger that recorded only losses and metrics: the model is unknown, so it is
 * one opaque layer, and every rule that needs the model, the gradients or the data stays silent.
 */
public final class LossOnlyLog {
    private LossOnlyLog() {
    }

    public static RunLog of(String framework, Task task, List<EpochPoint> epochs, long[] steps, double[] losses) {
        RunLog log = new RunLog();
        log.setOrigin(new RunOrigin(framework, null, null, null));
        LayerFacts model = new LayerFacts(0, 0, 0, Activation.OTHER, 0, false, Init.OTHER, 1, "model", "unknown", "unknown");
        log.setSetup(new RunSetup(task, 0, List.of(model), Loss.OTHER, Optimizer.OTHER, Double.NaN, 0, 0, epochs.size(), 0, 0,
                0, 0, 0, GradientNormalization.NONE, false, false, null, null, Imputation.NONE, true, false, 0, 0, 0,
                DType.FLOAT32));
        for (int i = 0; i < steps.length; i++) {
            log.addStep(steps[i], losses[i]);
        }
        epochs.forEach(log::addEpoch);
        firstNonFinite(log, epochs, steps, losses);
        return log;
    }

    /**
     * The first non-finite loss: a step's when steps were logged, else an epoch's training loss (an
     * all-NaN column is "not logged"; NaN after finite values is a loss that broke).
     */
    private static void firstNonFinite(RunLog log, List<EpochPoint> epochs, long[] steps, double[] losses) {
        double lastFinite = Double.NaN;
        for (int i = 0; i < steps.length; i++) {
            if (!Double.isFinite(losses[i])) {
                log.setNonFinite(new NonFiniteEvent(epochOf(epochs, steps[i]), steps[i], 0, NonFiniteEvent.Quantity.LOSS, lastFinite));
                return;
            }
            lastFinite = losses[i];
        }
        boolean logged = epochs.stream().anyMatch(e -> Double.isFinite(e.trainLoss()));
        for (EpochPoint e : epochs) {
            if (steps.length == 0 && logged && !Double.isFinite(e.trainLoss())) {
                log.setNonFinite(new NonFiniteEvent(e.epoch(), e.step(), 0, NonFiniteEvent.Quantity.LOSS, lastFinite));
                return;
            }
            lastFinite = e.trainLoss();
        }
    }

    private static int epochOf(List<EpochPoint> epochs, long step) {
        for (EpochPoint e : epochs) {
            if (step <= e.step()) {
                return e.epoch();
            }
        }
        return epochs.isEmpty() ? 1 : epochs.get(epochs.size() - 1).epoch() + 1;
    }

    static Task task(MetricsTable t, Task asked) {
        if (asked != null && asked != Task.AUTO) {
            return asked;
        }
        return t.hasAccuracy() ? Task.CLASSIFICATION : Task.REGRESSION;
    }
}
