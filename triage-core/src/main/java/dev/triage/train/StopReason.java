package dev.triage.train;

/** Why a training run ended. */
public enum StopReason {
    /** All configured epochs ran. */
    COMPLETED,
    /** Validation loss stopped improving for {@code patience} epochs. */
    EARLY_STOPPING,
    /** A loss, gradient or weight became NaN or infinite. */
    NON_FINITE,
    /** A listener (e.g. a diagnosis rule) asked to stop. */
    REQUESTED,
    /** The user interrupted the run (Ctrl-C); the last completed epoch is saved. */
    INTERRUPTED
}
