package dev.triage.diagnose;

import java.util.List;
import java.util.Objects;

/**
 * One diagnosis: a stable {@code code} (docs/findings.md), the {@code rule} that made it, how severe,
 * when (phase; epoch and step, null before training), what it is about ({@code subject}: a column, a
 * layer, a class, or the whole run; reports show it as {@link #where()}), one sentence with the numbers,
 * the evidence, the remedies in the order to try them, and the identity of the finding that explains it
 * ({@code causedBy}, null for a root cause; see {@link Causes}).
 */
public record Finding(String code, String rule, Severity severity, Phase phase, Integer epoch, Long step, Subject subject,
                      String message, Evidence evidence, List<Remedy> remedies, String causedBy) {
    public Finding {
        subject = Objects.requireNonNullElse(subject, Subject.NONE);
        remedies = List.copyOf(remedies);
    }

    /**
     * A finding not (yet) linked to a cause, at a place known only by its text ({@code where}, null for the
     * whole run): nothing acts on such a place, so a remedy that needs a column or a layer does not apply.
     */
    public Finding(String code, String rule, Severity severity, Phase phase, Integer epoch, Long step, String where,
                   String message, Evidence evidence, List<Remedy> remedies) {
        this(code, rule, severity, phase, epoch, step, Subject.place(where), message, evidence, remedies, null);
    }

    /** Where the finding is, as reports show it (a layer, column, class or split; null if global). */
    public String where() {
        return subject.where();
    }

    /** The same finding, explained by the finding whose {@link #identity()} is {@code cause} (null: a root cause). */
    public Finding causedBy(String cause) {
        return new Finding(code, rule, severity, phase, epoch, step, subject, message, evidence, remedies, cause);
    }

    /** The same finding with other remedies (those not already in place, say). */
    public Finding withRemedies(List<Remedy> other) {
        return new Finding(code, rule, severity, phase, epoch, step, subject, message, evidence, other, causedBy);
    }

    /**
     * The same diagnosis at another severity, its message extended by {@code why} (the reason for the
     * change, starting with its own separator) and its evidence by {@code more}.
     */
    public Finding revised(Severity other, String why, Evidence more) {
        Evidence merged = evidence;
        for (var e : more.asMap().entrySet()) {
            merged = merged.and(e.getKey(), e.getValue());
        }
        return new Finding(code, rule, other, phase, epoch, step, subject, message + why, merged, remedies, causedBy);
    }

    /** Whether no other finding of the run explains this one. */
    public boolean isRootCause() {
        return causedBy == null;
    }

    /** Findings are the same diagnosis when code and place agree (used to report each once). */
    public String identity() {
        String where = where();
        return code + "@" + (where == null ? "" : where);
    }

    public Finding at(int epochSeen, long stepSeen) {
        return new Finding(code, rule, severity, phase, epochSeen, stepSeen, subject, message, evidence, remedies, causedBy);
    }
}
