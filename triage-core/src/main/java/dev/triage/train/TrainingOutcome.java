package dev.triage.train;

/** How a training loop ended and the losses it reached. */
public record TrainingOutcome(StopReason reason, String detail, int epochsRun, long steps, int bestEpoch,
                              double bestValidationLoss, double lastTrainLoss, double lastValidationLoss) {
}
