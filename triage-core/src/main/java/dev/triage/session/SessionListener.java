package dev.triage.session;

import dev.triage.diagnose.Finding;

/**
 * What a program embedding Triage hears while a session runs: each finding the moment it fires, and
 * the end of each epoch with a way to ask training to stop (a request: the current epoch finishes,
 * checkpoints and reports are still written). Called on the training thread; keep it quick.
 */
public interface SessionListener {
    /** Hears nothing. */
    SessionListener NONE = new SessionListener() {
    };

    /** A new finding (data and config findings before training, training findings as they appear). */
    default void onFinding(Finding finding) {
    }

    /**
     * An epoch ended. {@code validationLoss} and {@code validationMetric} are NaN without a validation split.
     * Call {@code stop.run()} to end training after this epoch.
     */
    default void onEpoch(int epoch, double trainLoss, double validationLoss, double validationMetric, Runnable stop) {
    }
}
