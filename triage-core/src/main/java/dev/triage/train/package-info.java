/**
 * Training runs: the epoch/batch loop with listener events, learning-rate schedules, early stopping,
 * evaluation metrics, and what a run leaves on disk (run folder, loss log, checksummed checkpoints,
 * the model file).
 *
 * <p>Layer 3: may use {@code config}, {@code data} and {@code nn}.
 */
package dev.triage.train;
