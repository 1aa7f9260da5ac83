package dev.triage.probe.log;

/** Values of a text feature that occur in a held-out split but never in the training split. */
public record UnseenCategory(String column, String split, long rows, int values, String example) {
}
