package dev.triage.config;

/** Floating-point precision of the engine. */
public enum DType implements ConfigChoice {
    FLOAT32, FLOAT64;
}
