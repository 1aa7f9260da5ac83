package dev.triage.config;

/** {@code training.schedule}: how the learning rate changes over epochs. */
public record ScheduleConfig(ScheduleType type, int stepSize, double gamma, int patience, int warmupEpochs,
                             double minLearningRate) {
    public static ScheduleConfig constant() {
        return new ScheduleConfig(ScheduleType.CONSTANT, 30, 0.1, 10, 5, 0.0);
    }
}
