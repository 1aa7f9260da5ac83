package dev.triage.repair;

import dev.triage.config.RunConfig;

/** Runs a configuration as a repair trial (the session supplies it; the repair package never trains itself). */
@FunctionalInterface
public interface TrialRunner {
    TrialResult run(RunConfig config, int trial);
}
