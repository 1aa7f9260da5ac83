package dev.triage.config;

/** Whether splits keep class proportions; {@code auto} means yes for classification. */
public enum Stratify implements ConfigChoice {
    AUTO, TRUE, FALSE;
}
