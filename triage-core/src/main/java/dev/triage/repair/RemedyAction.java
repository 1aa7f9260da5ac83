package dev.triage.repair;

import dev.triage.config.ConfigChange;
import dev.triage.diagnose.Remedy;

/**
 * One remedy as Triage carries it out: what it is ({@link #remedy()}, the public code), what it applies
 * to (a finding about a column, a classification run, ...), the typed change it makes to a configuration,
 * and whether that is already in place. Each remedy is one small class; {@link Remedies} registers them
 * all. A remedy only a person can carry out (checking labels, reshaping a tensor in someone's training
 * code) is not {@link #automatic()} and only describes itself.
 */
public interface RemedyAction {
    /** The remedy's public code. */
    Remedy remedy();

    /** In words: what it changes, or what to do by hand (for the docs and runs trained elsewhere). */
    String describe();

    /** Whether it can act on this finding and run at all (a column to drop, a classification task, ...). */
    default boolean appliesTo(RemedyContext c) {
        return true;
    }

    /** Whether the configuration already has it, or it has reached its limit, so there is nothing to change. */
    boolean inPlace(RemedyContext c);

    /** The change it makes; asked only when it {@link #appliesTo applies} and is not {@link #inPlace in place}. */
    ConfigChange change(RemedyContext c);

    /** Whether Triage can apply it by itself. */
    default boolean automatic() {
        return true;
    }

    /**
     * Whether it changes what the validation score measures (which rows or columns the model sees): such a
     * change is kept when it resolves its finding without new errors, even if the score gets worse (a model
     * without a leaking column scores worse, and honestly).
     */
    default boolean changesTheMeasurement() {
        return false;
    }
}
