package dev.triage.train;

/** The loop ended; {@code bestEpoch} is 0 when no epoch completed. */
public record RunEnded(StopReason reason, String detail, int epochsRun, long steps, int bestEpoch,
                       double bestValidationLoss) {
}
