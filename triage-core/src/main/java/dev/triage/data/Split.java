package dev.triage.data;

/** Row indices of the training, validation and test sets (test may be empty when a test file is used). */
public record Split(int[] train, int[] validation, int[] test) {
}
