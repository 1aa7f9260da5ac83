package dev.triage.diagnose;

/** A rule that could not run on this run log, and the signals it lacked. */
public record SkippedRule(String rule, String reason) {
}
