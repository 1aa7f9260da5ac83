package dev.triage.probe;

import dev.triage.train.TaskMetrics;

/** The score a network and its baselines are compared by: MSE in target units, or log loss. */
public final class Scores {
    private Scores() {
    }

    public static double comparable(TaskMetrics m) {
        return BaselineRunner.loss(m);
    }
}
