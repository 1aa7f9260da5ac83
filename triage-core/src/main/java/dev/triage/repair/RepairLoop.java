package dev.triage.repair;

import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Outcome;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The repair loop. While error findings remain — or the network loses to a baseline and a warning
 * names a cause (an unscaled target, a batch of one) — and trials are left: take the most fundamental
 * finding ({@link #candidates}: causes before symptoms, errors before warnings, data before configuration
 * before initialization before training dynamics) and its first remedy that is not tried yet, not already in
 * place and not against the evidence ({@link Direction}), apply it, retrain from scratch with the same
 * seed, and keep the change by the {@link Verdict}. A configuration equal to one already run is not run
 * again and not counted. An error about the data that no configuration can fix (labels unrelated to
 * the features, a test file in other units) ends the loop as unrepairable; so does a network that
 * still loses to a baseline once every applicable remedy was tried.
 */
public final class RepairLoop {
    static final String UNDERFITTING = Verdict.UNDERFITTING;

    /** The loop's outcome and the run it ends with (the original when nothing was kept). */
    public record Result(RepairOutcome outcome, TrialResult last) {
    }

    private record Choice(Finding finding, Remedy remedy, RunConfig config) {
    }

    private RepairLoop() {
    }

    public static Result run(TrialResult original, TrialRunner runner, int maxTrials, Consumer<String> say) {
        if (candidates(original).isEmpty()) {
            return new Result(new RepairOutcome(true, RepairOutcome.Outcome.NOT_NEEDED, List.of(), "no error finding to repair",
                    original.findings()), original);
        }
        TrialResult current = original;
        List<Remedy> kept = new ArrayList<>();
        List<RepairTrial> trials = new ArrayList<>();
        Set<String> tried = new HashSet<>();
        Set<Map<String, Object>> configs = new HashSet<>(List.of(runner.resolve(original.config()).tree()));
        Stop stop = null;
        for (int t = 1; t <= maxTrials && !candidates(current).isEmpty(); t++) {
            Finding unfixable = unfixableData(current);
            if (unfixable != null) {
                stop = new Stop(true, "no configuration change can fix " + unfixable.code() + ": " + unfixable.message());
                break;
            }
            Choice c = next(current, tried, configs, runner);
            if (c == null) {
                stop = new Stop(false, "every applicable remedy was tried for " + candidates(current).get(0).code());
                break;
            }
            say.accept("repair trial " + t + ": " + c.remedy() + " for " + c.finding().code()
                    + (c.finding().where() == null ? "" : " [" + c.finding().where() + "]"));
            TrialResult r = runner.run(c.config(), t);
            Verdict verdict = Verdict.of(current, r, c.finding(), Remedies.changesTheMeasurement(c.remedy()));
            List<Remedy> applied = new ArrayList<>(kept);
            applied.add(c.remedy());
            trials.add(new RepairTrial(t, applied, r.validationScore(), r.testMetric(), verdict, r.runDir(), r.metricName(),
                    r.validationMetric()));
            say.accept("  " + verdict.reason());
            if (verdict.kept()) {
                current = r;
                kept.add(c.remedy());
            }
        }
        return new Result(Outcomes.of(original, current, kept, trials, stop), current);
    }

    /** Why the loop stopped before its budget: an unfixable data error, or nothing left to try. */
    record Stop(boolean unfixable, String reason) {
    }

    /**
     * The findings to repair, causes before symptoms: every error about the data, configuration,
     * initialization or training (in that order), with the warnings that are the root cause of an error
     * ranked as that error; a column to drop (an identifier) whatever the outcome, since keeping it only
     * costs; when the network loses to a baseline (TRAIN_UNDERFITTING of any severity), the other warnings
     * of those phases next; the verdicts on the final model (its remedies are generic) last.
     */
    static List<Finding> candidates(TrialResult r) {
        boolean behind = behind(r);
        Set<String> causesOfErrors = r.errors().stream().map(Finding::causedBy).filter(c -> c != null).collect(Collectors.toSet());
        List<Finding> out = new ArrayList<>(r.findings().stream().filter(f -> f.severity() == Severity.ERROR
                || f.severity() == Severity.WARNING && (behind || causesOfErrors.contains(f.identity())
                || f.remedies().contains(Remedy.DROP_COLUMN))).toList());
        out.sort(Comparator.comparing((Finding f) -> f.phase() == Phase.EVALUATION)
                .thenComparingInt(f -> f.severity() == Severity.ERROR || causesOfErrors.contains(f.identity()) ? 0 : 1)
                .thenComparingInt(f -> f.phase().ordinal()));
        return out;
    }

    /**
     * Whether the network loses to a baseline (TRAIN_UNDERFITTING, or a final model that does not hold its
     * own against the best baseline on validation: {@link Outcome#holdsItsOwn}) or produced no usable model.
     */
    static boolean behind(TrialResult r) {
        if (r.findings().stream().anyMatch(f -> f.code().equals(UNDERFITTING))) {
            return true;
        }
        boolean ended = r.log() != null && r.log().evaluation() != null;
        // without a validation split there is no validation score to hold against the baselines: not known to be behind
        boolean judged = ended && r.log().baselines() != null && Double.isFinite(r.log().evaluation().validationScore());
        return ended && r.score() == Double.POSITIVE_INFINITY || judged && !Outcome.holdsItsOwn(r.log());
    }

    /** The most fundamental error, when it is about the data and Triage cannot apply any of its remedies. */
    private static Finding unfixableData(TrialResult r) {
        List<Finding> errors = candidates(r).stream().filter(f -> f.severity() == Severity.ERROR).toList();
        Finding first = errors.isEmpty() ? null : errors.get(0);
        boolean unfixable = first != null && first.phase() == Phase.DATA && first.remedies().stream().noneMatch(Remedies::automatic);
        return unfixable ? first : null;
    }

    private static Choice next(TrialResult current, Set<String> tried, Set<Map<String, Object>> configs, TrialRunner runner) {
        for (Finding f : candidates(current)) {
            for (Remedy r : f.remedies()) {
                if (!Remedies.automatic(r) || Direction.against(r, current) || !tried.add(f.identity() + "/" + r)) {
                    continue;
                }
                var changed = Remedies.apply(r, new RemedyContext(current.config(), f, current.log()));
                if (changed.isPresent() && configs.add(runner.resolve(changed.get()).tree())) {
                    return new Choice(f, r, changed.get());
                }
            }
        }
        return null;
    }
}
