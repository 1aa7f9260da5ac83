package dev.triage.repair;

import dev.triage.config.RunConfig;

/** Runs a configuration as a repair trial (the session supplies it; the repair package never trains itself). */
@FunctionalInterface
public interface TrialRunner {
    TrialResult run(RunConfig config, int trial);

    /**
     * The configuration as it would run, with its {@code auto} values resolved for the data, so that two
     * spellings of the same run compare equal (a trial equal to one already run is not run again).
     */
    default RunConfig resolve(RunConfig config) {
        return config;
    }
}
