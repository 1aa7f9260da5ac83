/**
 * Run logs of other frameworks and tools, read into a {@link dev.triage.probe.log.RunLog} so the same
 * rules judge them: the {@code triage-telemetry} format (files and Triage run folders), Keras
 * {@code CSVLogger} files and PyTorch Lightning {@code CSVLogger} {@code metrics.csv}. Readers of
 * formats that need a library of their own (TensorBoard event files) live in modules of their own and
 * plug in through {@link RunLogSource}.
 *
 * <p>Layer 4 (with {@code probe}): uses {@code config}, {@code probe.log} and {@code probe.telemetry}.
 */
package dev.triage.probe.foreign;
