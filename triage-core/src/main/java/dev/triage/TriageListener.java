package dev.triage;

import dev.triage.diagnose.Finding;

/**
 * Hears a run as it goes: each finding the moment it fires, each epoch's losses (with a way to stop),
 * and the final result. Every method has an empty default, so implement only what you need. Called on
 * the thread that runs {@link Triage.Run#train()}.
 *
 * <pre>{@code
 * TriageListener log = new TriageListener() {
 *     public void onFinding(Finding f) { logger.warn("{} {}", f.code(), f.message()); }
 *     public void onEpoch(Epoch e) { if (e.validationLoss() > 1e6) e.stop(); }
 * };
 * }</pre>
 */
public interface TriageListener {
    /** A finding, as soon as the doctor reports it (data and configuration findings come before training). */
    default void onFinding(Finding finding) {
    }

    /** The end of an epoch (only with the doctor on, {@code doctor.enabled: true}, the default). */
    default void onEpoch(Epoch epoch) {
    }

    /** The run's result, once its reports are written. */
    default void onResult(TriageResult result) {
    }

    /** One epoch's figures; {@link #stop()} asks training to end after it (checkpoints and reports are still written). */
    record Epoch(int epoch, double trainLoss, double validationLoss, double validationMetric, Runnable stopRequest) {
        public void stop() {
            stopRequest.run();
        }
    }
}
