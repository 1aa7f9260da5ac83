/**
 * The run log as a public file format ({@code triage-telemetry}, JSON Lines; see docs/telemetry.md):
 * one writer and one reader, so a run trained by any framework can be diagnosed like Triage's own.
 *
 * <p>Layer 4 (with {@code probe}): uses {@code probe.log} and Jackson only.
 */
package dev.triage.probe.telemetry;
