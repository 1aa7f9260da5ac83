package dev.triage.config;

/** Which checkpoints a run keeps. */
public enum CheckpointPolicy implements ConfigChoice {
    NONE, BEST_AND_LAST, EVERY_EPOCH;
}
