package dev.triage.config;

/** What to do with missing or non-finite feature values. */
public enum Imputation implements ConfigChoice {
    NONE, MEAN, MEDIAN, MOST_FREQUENT, DROP_ROWS;
}
