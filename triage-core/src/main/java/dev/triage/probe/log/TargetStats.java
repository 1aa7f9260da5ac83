package dev.triage.probe.log;

/**
 * Statistics of the targets the loss received in another framework's run (over its first batches),
 * so output/loss checks can judge the target's range without the data file.
 */
public record TargetStats(long rows, double mean, double std, double min, double max) {
}
