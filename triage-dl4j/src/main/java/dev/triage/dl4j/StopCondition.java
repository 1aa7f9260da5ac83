package dev.triage.dl4j;

import org.deeplearning4j.earlystopping.termination.IterationTerminationCondition;

/** Ends training in DL4J's early-stopping trainer when the doctor asked to stop (see {@link TriageListener#terminationCondition()}). */
final class StopCondition implements IterationTerminationCondition {
    private static final long serialVersionUID = 1L;
    // the status only means something inside the training process: a deserialized copy never stops
    private final transient ListenerStatus status;

    StopCondition(ListenerStatus status) {
        this.status = status;
    }

    @Override
    public void initialize() {
        // nothing to reset: the doctor's request stands for the whole run
    }

    @Override
    public boolean terminate(double lastMiniBatchScore) {
        return status != null && status.stopRequested();
    }

    @Override
    public String toString() {
        return "TriageListener.terminationCondition()";
    }
}
