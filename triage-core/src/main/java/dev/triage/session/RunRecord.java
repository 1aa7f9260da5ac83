package dev.triage.session;

import dev.triage.config.RunConfig;
import dev.triage.data.PreparedData;
import dev.triage.nn.NetworkSpec;
import dev.triage.train.RunFolder;
import dev.triage.train.TaskMetrics;
import dev.triage.train.TrainingOutcome;

/**
 * What one training run produced: the resolved configuration, its data, how training ended, the test
 * metrics (null without test rows or when training never started) and its folder.
 */
record RunRecord(RunConfig config, PreparedData data, NetworkSpec network, TrainingOutcome outcome, TaskMetrics test,
                 RunFolder folder, double seconds) {
}
