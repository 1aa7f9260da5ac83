package dev.triage.diagnose;

import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.Signal;
import java.util.List;
import java.util.Set;

/** Holds a rule's id, code, phase and needed signals, so each rule class contains only its check. */
public abstract class BaseRule implements Rule {
    private final String id;
    private final String code;
    private final Phase phase;
    private final Phase reported;
    private final Set<Signal> needs;

    protected BaseRule(String id, String code, Phase phase, Signal... needs) {
        this(id, code, phase, phase, needs);
    }

    /** A rule evaluated in one phase whose findings belong to another (a config check that needs the init pass). */
    protected BaseRule(String id, String code, Phase evaluated, Phase reported, Signal... needs) {
        this.id = id;
        this.code = code;
        this.phase = evaluated;
        this.reported = reported;
        this.needs = Set.of(needs);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final Phase phase() {
        return phase;
    }

    @Override
    public final Set<Signal> needs() {
        return needs;
    }

    /** A finding from before training about {@code subject} ({@link Subject#NONE}: the whole run). */
    protected Finding before(Severity severity, Subject subject, String message, Evidence evidence, Remedy... remedies) {
        return Findings.before(this, severity, reported == Phase.TRAINING ? Phase.EVALUATION : reported, subject, message,
                evidence, remedies);
    }

    /** A finding about {@code subject} first seen at an epoch and step. */
    protected Finding during(Severity severity, int epoch, long step, Subject subject, String message, Evidence evidence,
                             Remedy... remedies) {
        return Findings.during(this, severity, epoch, step, subject, message, evidence, remedies);
    }

    /** A layer of the network as a finding's subject, shown as the layer describes itself. */
    protected static Subject layer(LayerFacts l) {
        return Subject.layer(l.index(), l.describe());
    }

    protected static List<Finding> none() {
        return List.of();
    }
}
