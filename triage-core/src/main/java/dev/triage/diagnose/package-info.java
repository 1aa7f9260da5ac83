/**
 * The diagnosis: findings (stable codes, evidence, typed remedies) and the rules that produce them.
 * Rules are pure checks over a run's recorded signals ({@link dev.triage.probe.log.RunLog}); they never
 * touch the engine, the training loop or files, so the same rules judge runs of other frameworks.
 *
 * <p>Layer 5: may use {@code config}, {@code data} and {@code probe}'s run log; rule classes may not
 * import {@code nn} or {@code train} (a test guards this).
 */
package dev.triage.diagnose;
