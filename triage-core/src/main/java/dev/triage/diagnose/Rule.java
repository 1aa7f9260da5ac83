package dev.triage.diagnose;

import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;
import java.util.Set;

/**
 * One check: a pure function of a run's recorded signals. A rule reads the {@link RunLog}, never the
 * engine; it does not print, write or change anything. Thresholds are constructor parameters with
 * documented defaults. A rule whose signals are absent is not run (and reported as not run).
 */
public interface Rule {
    /** Kebab-case id, used by {@code doctor.disable}. */
    String id();

    /** The finding code it produces. */
    String code();

    /** When it is evaluated: data, config and init rules once before training; training rules after every epoch and at the end. */
    Phase phase();

    /** The signals it needs. */
    Set<Signal> needs();

    /** Findings for the run so far (empty when all is well). */
    List<Finding> check(RunLog log);

    /**
     * A finding this rule made before training, reviewed once the run has ended (its final evaluation is
     * in {@code log}): the same finding, or a revised one when the outcome refutes the prediction — an
     * error that said the run would break, on a run that ended holding its own against its baselines.
     * The doctor asks only for runs without an error found while training or evaluating them.
     */
    default Finding review(Finding before, RunLog log) {
        return before;
    }

    /** Whether a finding of this rule should stop training at once (a non-finite loss). */
    default boolean stopsTraining() {
        return false;
    }

    /** Whether this finding makes training meaningless, so the run should not start (without repair). */
    default boolean blocksTraining(Finding f) {
        return false;
    }
}
