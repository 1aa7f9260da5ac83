package dev.triage.config;

/** Feature scaling, fitted on the training split only. */
public enum Scaling implements ConfigChoice {
    NONE, STANDARD, MINMAX, ROBUST;
}
