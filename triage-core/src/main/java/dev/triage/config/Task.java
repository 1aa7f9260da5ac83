package dev.triage.config;

/** The learning task; {@code auto} is resolved from the target column (see run-config.md). */
public enum Task implements ConfigChoice {
    AUTO, REGRESSION, CLASSIFICATION;
}
