package dev.triage.train;

/** Observes a training run. Every method has a no-op default; listeners must not change the engine. */
public interface TrainingListener {
    default void onRunStart(RunStarted event) {
    }

    default void onEpochStart(EpochStarted event) {
    }

    /** Only on probe steps (every {@link RunStarted#probeInterval()} steps). */
    default void onAfterBackward(AfterBackward event) {
    }

    default void onBatchEnd(BatchEnded event) {
    }

    default void onEpochEnd(EpochEnded event) {
    }

    /**
     * After every listener saw {@link #onEpochEnd} and the loop updated all of its state for the epoch
     * (early stopping included): the moment to save a checkpoint that continues exactly.
     */
    default void onEpochCommitted(EpochEnded event) {
    }

    default void onRunEnd(RunEnded event) {
    }
}
