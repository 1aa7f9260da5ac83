package dev.triage.config;

/**
 * {@code training}: optimizer, schedule, regularization and run length. {@code threads} 0 means auto
 * (available cores); {@code earlyStopping} and {@code then} may be null; {@code classWeights} weighs
 * the loss per class (classification).
 */
public record TrainingConfig(Optimizer optimizer, double learningRate, double momentum, double beta1, double beta2,
                             int batchSize, int epochs, double l1, double l2, double weightDecay,
                             GradientNormalization gradientNormalization, double gradientNormalizationThreshold,
                             ScheduleConfig schedule, EarlyStoppingConfig earlyStopping, PhaseConfig then,
                             long seed, DType dtype, int threads, ClassWeights classWeights) {
    public TrainingConfig {
        classWeights = classWeights == null ? ClassWeights.NONE : classWeights;
    }

    /** Without class weights. */
    public TrainingConfig(Optimizer optimizer, double learningRate, double momentum, double beta1, double beta2,
                          int batchSize, int epochs, double l1, double l2, double weightDecay,
                          GradientNormalization gradientNormalization, double gradientNormalizationThreshold,
                          ScheduleConfig schedule, EarlyStoppingConfig earlyStopping, PhaseConfig then,
                          long seed, DType dtype, int threads) {
        this(optimizer, learningRate, momentum, beta1, beta2, batchSize, epochs, l1, l2, weightDecay, gradientNormalization,
                gradientNormalizationThreshold, schedule, earlyStopping, then, seed, dtype, threads, ClassWeights.NONE);
    }

    /** Epochs of both phases together. */
    public int totalEpochs() {
        return epochs + (then == null ? 0 : then.epochs());
    }
}
