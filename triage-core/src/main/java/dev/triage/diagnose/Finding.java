package dev.triage.diagnose;

import java.util.List;

/**
 * One diagnosis: a stable {@code code} (docs/findings.md), the {@code rule} that made it, how severe,
 * when (phase; epoch and step, null before training), where (a layer, column or split; null if
 * global), one sentence with the numbers, the evidence, the remedies in the order to try them, and
 * the identity of the finding that explains it ({@code causedBy}, null for a root cause; see {@link Causes}).
 */
public record Finding(String code, String rule, Severity severity, Phase phase, Integer epoch, Long step, String where,
                      String message, Evidence evidence, List<Remedy> remedies, String causedBy) {
    public Finding {
        remedies = List.copyOf(remedies);
    }

    /** A finding not (yet) linked to a cause. */
    public Finding(String code, String rule, Severity severity, Phase phase, Integer epoch, Long step, String where,
                   String message, Evidence evidence, List<Remedy> remedies) {
        this(code, rule, severity, phase, epoch, step, where, message, evidence, remedies, null);
    }

    /** The same finding, explained by the finding whose {@link #identity()} is {@code cause} (null: a root cause). */
    public Finding causedBy(String cause) {
        return new Finding(code, rule, severity, phase, epoch, step, where, message, evidence, remedies, cause);
    }

    /** Whether no other finding of the run explains this one. */
    public boolean isRootCause() {
        return causedBy == null;
    }

    /** Findings are the same diagnosis when code and place agree (used to report each once). */
    public String identity() {
        return code + "@" + (where == null ? "" : where);
    }

    public Finding at(int epochSeen, long stepSeen) {
        return new Finding(code, rule, severity, phase, epochSeen, stepSeen, where, message, evidence, remedies, causedBy);
    }
}
