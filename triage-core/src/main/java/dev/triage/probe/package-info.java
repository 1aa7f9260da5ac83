/**
 * Measuring a run: the run log of signals ({@link dev.triage.probe.log.RunLog}) that rules read, the
 * recorder that fills it from Triage's own training loop, the learnability baselines, and the sanity
 * checks (overfit a tiny batch, gradient check, batch independence, learning-rate range test).
 *
 * <p>Layer 4: may use {@code config}, {@code data}, {@code nn} and {@code train}. The run log types
 * themselves depend on none of them, so other frameworks can fill a run log too.
 */
package dev.triage.probe;
