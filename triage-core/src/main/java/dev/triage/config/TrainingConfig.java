package dev.triage.config;

/**
 * {@code training}: optimizer, schedule, regularization and run length. {@code threads} 0 means auto
 * (available cores); {@code earlyStopping} and {@code then} may be null.
 */
public record TrainingConfig(Optimizer optimizer, double learningRate, double momentum, double beta1, double beta2,
                             int batchSize, int epochs, double l1, double l2, double weightDecay,
                             GradientNormalization gradientNormalization, double gradientNormalizationThreshold,
                             ScheduleConfig schedule, EarlyStoppingConfig earlyStopping, PhaseConfig then,
                             long seed, DType dtype, int threads) {

    /** Epochs of both phases together. */
    public int totalEpochs() {
        return epochs + (then == null ? 0 : then.epochs());
    }
}
