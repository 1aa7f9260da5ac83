/**
 * Triage as a library: {@link dev.triage.Triage} trains, checks, diagnoses and repairs; {@link
 * dev.triage.TriageListener} hears findings and epochs as they happen; {@link dev.triage.TriageResult}
 * and {@link dev.triage.TriageModel} are what comes back. These types, the configuration
 * ({@link dev.triage.config.RunConfig}), findings ({@link dev.triage.diagnose.Finding},
 * {@link dev.triage.diagnose.Remedy}, {@link dev.triage.diagnose.Evidence}) and the run log with its sink
 * for adapters ({@link dev.triage.probe.log.RunLog}, {@link dev.triage.probe.telemetry.TelemetryWriter})
 * are the public API; the other packages are Triage's internals and may change between versions.
 *
 * <p>Thread safety: a {@code Triage.Run} builder and a result belong to one thread; runs on different
 * threads are independent (no global state). A {@link dev.triage.TriageModel} may be shared by threads
 * for prediction. Nothing needs closing: the engine's worker threads are daemon threads and end with
 * the run that started them.
 *
 * <p>Sits on top of every layer ({@code session} and below).
 */
package dev.triage;
