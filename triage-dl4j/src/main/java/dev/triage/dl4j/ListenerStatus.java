package dev.triage.dl4j;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the listener still records. It switches itself off at its own first failure (training must
 * never break because of the listener), and stops recording once the doctor asks to stop training.
 */
final class ListenerStatus {
    // users configure logging by the public class's name, so every part of the listener logs under it
    private static final Logger LOG = LoggerFactory.getLogger(TriageListener.class);

    private boolean disabled;
    private String disabledReason;
    private boolean stopRequested;

    boolean active() {
        return !disabled && !stopRequested;
    }

    boolean disabled() {
        return disabled;
    }

    /** The failure that switched the listener off; null while it is on. */
    String disabledReason() {
        return disabledReason;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void requestStop() {
        stopRequested = true;
    }

    /** Logs the first failure and switches the listener off; training goes on untouched. */
    void fail(Throwable e) {
        if (disabled) {
            return;
        }
        disabled = true;
        disabledReason = e.toString();
        LOG.error("Triage's listener failed and switched itself off; training continues without it", e);
    }
}
