package dev.triage.report;

/** A check that could not run, and why (e.g. its signals were not recorded). */
public record SkippedCheck(String rule, String reason) {
}
