package dev.triage.config;

/** Learning-rate schedules. */
public enum ScheduleType implements ConfigChoice {
    CONSTANT, STEP, EXPONENTIAL, COSINE, REDUCE_ON_PLATEAU, WARMUP_COSINE;
}
