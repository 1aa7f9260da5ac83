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

    default void onRunEnd(RunEnded event) {
    }
}
