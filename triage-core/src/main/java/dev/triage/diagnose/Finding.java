package dev.triage.diagnose;

import java.util.List;

/**
 * One diagnosis: a stable {@code code} (docs/findings.md), the {@code rule} that made it, how severe,
 * when (phase; epoch and step, null before training), where (a layer, column or split; null if
 * global), one sentence with the numbers, the evidence, and the remedies in the order to try them.
 */
public record Finding(String code, String rule, Severity severity, Phase phase, Integer epoch, Long step, String where,
                      String message, Evidence evidence, List<Remedy> remedies) {
    public Finding {
        remedies = List.copyOf(remedies);
    }

    /** Findings are the same diagnosis when code and place agree (used to report each once). */
    public String identity() {
        return code + "@" + (where == null ? "" : where);
    }

    public Finding at(int epochSeen, long stepSeen) {
        return new Finding(code, rule, severity, phase, epochSeen, stepSeen, where, message, evidence, remedies);
    }
}
