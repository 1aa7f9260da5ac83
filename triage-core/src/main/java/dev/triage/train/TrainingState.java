package dev.triage.train;

/**
 * Everything needed to continue a run exactly where it stopped: the next epoch (1-based), the step
 * counter, the training phase, the network and optimizer state, schedule and early-stopping state, and
 * the best validation loss so far. Shuffles and dropout masks are functions of the seed and the
 * epoch/step, so no random generator state needs saving.
 */
public record TrainingState(int nextEpoch, long step, int phase, double[] parameters, double[] buffers,
                            double[] optimizer, double[] schedule, double[] earlyStopping, int bestEpoch,
                            double bestValidationLoss) {
}
