package dev.triage.train;

/** Lets a listener ask the training loop to stop after the current step. Stopping is a request, not an exception. */
@FunctionalInterface
public interface StopControl {
    void requestStop(StopReason reason, String detail);
}
