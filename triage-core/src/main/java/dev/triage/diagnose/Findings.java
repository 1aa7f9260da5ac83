package dev.triage.diagnose;

import java.util.List;

/** Builds findings for a rule. */
public final class Findings {
    private Findings() {
    }

    /** A finding from before training (no epoch or step). */
    public static Finding before(Rule rule, Severity severity, Phase phase, String where, String message, Evidence evidence,
                                 Remedy... remedies) {
        return new Finding(rule.code(), rule.id(), severity, phase, null, null, where, message, evidence, List.of(remedies));
    }

    /** A finding first seen at {@code epoch} / {@code step} of training. */
    public static Finding during(Rule rule, Severity severity, int epoch, long step, String where, String message,
                                 Evidence evidence, Remedy... remedies) {
        return new Finding(rule.code(), rule.id(), severity, rule.phase() == Phase.EVALUATION ? Phase.EVALUATION
                : Phase.TRAINING, epoch, step, where, message, evidence, List.of(remedies));
    }
}
