package dev.triage.config;

/** {@code data.split}: how rows are divided into training, validation and test sets. */
public record SplitConfig(double validation, double test, boolean shuffle, Stratify stratify, long seed) {
}
