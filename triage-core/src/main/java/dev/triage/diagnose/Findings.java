package dev.triage.diagnose;

import java.util.List;

/** Builds findings for a rule. */
public final class Findings {
    private Findings() {
    }

    /** A finding from before training (no epoch or step) about {@code subject}. */
    public static Finding before(Rule rule, Severity severity, Phase phase, Subject subject, String message, Evidence evidence,
                                 Remedy... remedies) {
        return new Finding(rule.code(), rule.id(), severity, phase, null, null, subject, message, evidence, List.of(remedies),
                null);
    }

    /** A finding about {@code subject} first seen at {@code epoch} / {@code step} of training. */
    public static Finding during(Rule rule, Severity severity, int epoch, long step, Subject subject, String message,
                                 Evidence evidence, Remedy... remedies) {
        return new Finding(rule.code(), rule.id(), severity, rule.phase() == Phase.EVALUATION ? Phase.EVALUATION
                : Phase.TRAINING, epoch, step, subject, message, evidence, List.of(remedies), null);
    }
}
