package dev.triage.config;

/** Regression target scaling; {@code auto} is standard for regression. */
public enum TargetScaling implements ConfigChoice {
    AUTO, NONE, STANDARD;
}
