package dev.triage.train;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Carries an interrupt (Ctrl-C) from whoever receives it to the training loop running at that moment:
 * the loop stops after its current step, gracefully. A session attaches each loop while it trains and
 * detaches it when the loop ends; {@link #interrupt} says what the interrupt reached.
 */
public final class Interruption {
    /** What an interrupt reached: a training loop (it will stop), the writing of outputs (they will finish), or nothing yet. */
    public enum Reached { TRAINING, OUTPUTS, NOTHING }

    private final AtomicReference<StopControl> loop = new AtomicReference<>();
    private volatile boolean trained;
    private volatile boolean requested;

    /** Asks the running loop to stop after its current step. */
    public Reached interrupt() {
        requested = true;
        StopControl c = loop.get();
        if (c != null) {
            c.requestStop(StopReason.INTERRUPTED, "interrupted (Ctrl-C)");
            return Reached.TRAINING;
        }
        return trained ? Reached.OUTPUTS : Reached.NOTHING;
    }

    /** Whether an interrupt came (a session then starts no further training). */
    public boolean requested() {
        return requested;
    }

    public void attach(StopControl c) {
        loop.set(c);
        if (requested) {
            c.requestStop(StopReason.INTERRUPTED, "interrupted (Ctrl-C)");
        }
    }

    public void detach() {
        trained = true;
        loop.set(null);
    }
}
