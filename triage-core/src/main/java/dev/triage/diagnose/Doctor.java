package dev.triage.diagnose;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Suggest;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the rules over a run log phase by phase and keeps each diagnosis once (by code and place), with
 * the epoch and step it was first seen. Training rules are re-evaluated after every epoch and once
 * more at the end, when they see the whole run: that final verdict replaces the one given live (a
 * loss spike the run recovered from is then a warning, not an error); the findings made before training
 * are reviewed then too ({@link Rule#review}). Remedies the run already has in
 * place ({@link InPlace}) are removed from every finding.
 */
public final class Doctor {
    private final List<Rule> rules;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private boolean stop;
    private boolean blocked;

    public Doctor(List<Rule> rules, List<String> disabled) {
        Set<String> ids = rules.stream().map(Rule::id).collect(Collectors.toSet());
        for (String d : disabled) {
            if (!ids.contains(d)) {
                throw new InvalidInputException("doctor.disable: '" + d + "' is not a rule id" + Suggest.hint(d, ids)
                        + "; see docs/findings.md for the ids");
            }
        }
        this.rules = rules.stream().filter(r -> !disabled.contains(r.id())).toList();
    }

    /** Evaluates the rules of {@code phase} (at {@link Phase#EVALUATION}, the training rules too); returns new findings. */
    public List<Finding> check(Phase phase, RunLog log) {
        Set<Signal> available = log.available();
        List<Finding> fresh = new ArrayList<>();
        for (Rule r : rules) {
            boolean due = r.phase() == phase || (phase == Phase.EVALUATION && r.phase() == Phase.TRAINING);
            if (!due || !available.containsAll(r.needs())) {
                continue;
            }
            boolean finalVerdict = phase == Phase.EVALUATION && r.phase() == Phase.TRAINING;
            for (Finding found : r.check(log)) {
                Finding f = withoutInPlace(found, log);
                Finding earlier = findings.putIfAbsent(f.identity(), f);
                if (earlier == null) {
                    fresh.add(f);
                    stop |= r.stopsTraining();
                    blocked |= r.blocksTraining(f);
                } else if (finalVerdict && (!f.message().equals(earlier.message()) || f.severity() != earlier.severity())) {
                    findings.put(f.identity(), f); // the whole run judged: e.g. a loss spike it recovered from
                    if (f.severity() != earlier.severity()) {
                        fresh.add(f);
                    }
                }
            }
        }
        if (phase == Phase.EVALUATION) {
            fresh.addAll(review(log));
        }
        return fresh;
    }

    /**
     * The findings made before training, each reviewed by its rule against the run's outcome (only on a
     * run without an error found while training or evaluating it); returns
     * those whose severity changed (they replace the earlier verdict, in place).
     */
    private List<Finding> review(RunLog log) {
        List<Finding> changed = new ArrayList<>();
        boolean troubled = findings.values().stream()
                .anyMatch(f -> f.severity() == Severity.ERROR && f.phase().compareTo(Phase.TRAINING) >= 0);
        if (troubled) {
            return changed; // an error of the run's own training: the run did not train fine, whatever its score
        }
        for (Rule r : rules) {
            if (r.phase().compareTo(Phase.TRAINING) >= 0) {
                continue;
            }
            for (Map.Entry<String, Finding> e : findings.entrySet()) {
                Finding before = e.getValue();
                if (!before.rule().equals(r.id())) {
                    continue;
                }
                Finding after = r.review(before, log);
                if (after.severity() != before.severity()) {
                    e.setValue(after);
                    changed.add(after);
                }
            }
        }
        return changed;
    }

    /** The finding without the remedies the run already has in place. */
    private static Finding withoutInPlace(Finding f, RunLog log) {
        List<Remedy> remedies = InPlace.notInPlace(f.remedies(), log.setup());
        return remedies.size() == f.remedies().size() ? f : f.withRemedies(remedies);
    }

    /** Whether a finding asked to stop training now. */
    public boolean stopRequested() {
        return stop;
    }

    /** Whether a finding makes training meaningless. */
    public boolean trainingBlocked() {
        return blocked;
    }

    /**
     * Every finding so far, root causes first, each followed by the findings it explains ({@link Causes});
     * roots worst first: by severity, then phase, then when it first appeared (epoch and step), then rule
     * order. The order does not depend on how often the rules ran.
     */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(findings.values());
        all.sort(Comparator.comparingInt((Finding f) -> -f.severity().rank()).thenComparing(f -> f.phase().ordinal())
                .thenComparingLong(f -> f.step() == null ? -1 : f.step())
                .thenComparingInt(f -> ruleOrder(f.rule())));
        return Causes.link(all);
    }

    private int ruleOrder(String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return rules.size();
    }

    /** The rules that could not run on this log, and what they lacked. */
    public List<SkippedRule> skipped(RunLog log) {
        Set<Signal> available = log.available();
        List<SkippedRule> out = new ArrayList<>();
        for (Rule r : rules) {
            Set<Signal> missing = EnumSet.noneOf(Signal.class);
            missing.addAll(r.needs());
            missing.removeAll(available);
            if (!missing.isEmpty()) {
                out.add(new SkippedRule(r.id(), "no " + missing.stream().map(Signal::label).collect(Collectors.joining(", "))
                        + " recorded"));
            }
        }
        return out;
    }

    public List<Rule> rules() {
        return rules;
    }
}
