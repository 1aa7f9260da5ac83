package dev.triage.probe.telemetry;

import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.RunLog;

/** The {@code end} record of another framework's run: how it stopped and the final model's scores. */
record EndRecord(int epochsRun, String stopReason, double trainLoss, double validationLoss, double validationMetric,
                 double validationScore) {

    static EndRecord of(Fields f) {
        double mse = f.num("validation_mse");
        double score = Double.isNaN(mse) ? f.num("validation_log_loss") : mse;
        String reason = f.has("stop_reason") ? f.text("stop_reason") : "unknown";
        return new EndRecord(f.count("epochs_run", 0), reason, f.num("train_loss"), f.num("validation_loss"),
                f.num("validation_metric"), score);
    }

    /** The evaluation signals the end-of-run rules read; missing scores are taken from the last epoch. */
    EvaluationSignals evaluation(RunLog log) {
        EpochPoint last = log.lastEpoch();
        double train = Double.isNaN(trainLoss) && last != null ? last.trainLoss() : trainLoss;
        double val = Double.isNaN(validationLoss) && last != null ? last.validationLoss() : validationLoss;
        double metric = Double.isNaN(validationMetric) && last != null ? last.validationMetric() : validationMetric;
        int epochs = epochsRun > 0 ? epochsRun : log.epochs().size();
        return new EvaluationSignals(epochs, stopReason.toUpperCase(java.util.Locale.ROOT), train, val, metric, validationScore,
                Double.NaN, -1, Double.NaN, false);
    }
}
