package dev.triage.probe.log;

/** Rows identical to an earlier row in every used column; {@code conflicting}: same features, different target. */
public record DuplicateRows(long rows, long duplicates, long conflicting) {
}
