package dev.triage.repair;

import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The repair loop. While error findings remain and trials are left, take the most fundamental error
 * (data before configuration before initialization before training dynamics before the final
 * evaluation) and its first remedy not tried yet, apply it to the configuration, retrain from scratch
 * with the same seed, and keep the change only if the validation score improves and the model does
 * not fall behind the baselines where it was not behind before. Remedies that change what is measured
 * (dropping a leaking column, reshuffling the split) are kept when they resolve their finding without
 * new errors. An error about the data that no configuration can fix (labels unrelated to the features,
 * a test file in other units) ends the loop as unrepairable.
 */
public final class RepairLoop {
    /** A validation score must improve by at least this fraction to count as better. */
    static final double MIN_GAIN = 0.005;
    static final String UNDERFITTING = "TRAIN_UNDERFITTING";

    /** The loop's outcome and the run it ends with (the original when nothing was kept). */
    public record Result(RepairOutcome outcome, TrialResult last) {
    }

    private record Choice(Finding finding, Remedy remedy, RunConfig config) {
    }

    private RepairLoop() {
    }

    public static Result run(TrialResult original, TrialRunner runner, int maxTrials, Consumer<String> say) {
        if (original.errors().isEmpty()) {
            return new Result(new RepairOutcome(true, RepairOutcome.Outcome.NOT_NEEDED, List.of(), "no error finding to repair",
                    original.findings()), original);
        }
        TrialResult current = original;
        List<Remedy> kept = new ArrayList<>();
        List<RepairTrial> trials = new ArrayList<>();
        Set<String> tried = new HashSet<>();
        Set<Map<String, Object>> configs = new HashSet<>(List.of(original.config().tree()));
        String stop = null;
        for (int t = 1; t <= maxTrials && !current.errors().isEmpty(); t++) {
            Finding unfixable = unfixableData(current);
            if (unfixable != null) {
                stop = "no configuration change can fix " + unfixable.code() + ": " + unfixable.message();
                break;
            }
            Choice c = next(current, tried, configs);
            if (c == null) {
                stop = "no remedy left to try for " + current.errors().get(0).code();
                break;
            }
            say.accept("repair trial " + t + ": " + c.remedy() + " for " + c.finding().code()
                    + (c.finding().where() == null ? "" : " [" + c.finding().where() + "]"));
            TrialResult r = runner.run(c.config(), t);
            String reason = verdict(current, r, c);
            boolean keep = reason.startsWith("kept");
            List<Remedy> applied = new ArrayList<>(kept);
            applied.add(c.remedy());
            trials.add(new RepairTrial(t, applied, r.validationScore(), r.testMetric(), keep, reason, r.runDir(), r.metricName(),
                    r.validationMetric()));
            say.accept("  " + reason);
            if (keep) {
                current = r;
                kept.add(c.remedy());
            }
        }
        return new Result(outcome(original, current, kept, trials, stop), current);
    }

    /** The most fundamental error, when it is about the data and Triage cannot apply any of its remedies. */
    private static Finding unfixableData(TrialResult r) {
        List<Finding> errors = ordered(r);
        Finding first = errors.isEmpty() ? null : errors.get(0);
        boolean unfixable = first != null && first.phase() == Phase.DATA && first.remedies().stream().noneMatch(Remedies::automatic);
        return unfixable ? first : null;
    }

    private static List<Finding> ordered(TrialResult r) {
        List<Finding> errors = new ArrayList<>(r.errors());
        errors.sort(Comparator.comparingInt(f -> f.phase().ordinal()));
        return errors;
    }

    private static Choice next(TrialResult current, Set<String> tried, Set<Map<String, Object>> configs) {
        for (Finding f : ordered(current)) {
            for (Remedy r : f.remedies()) {
                if (!Remedies.automatic(r) || !tried.add(f.identity() + "/" + r)) {
                    continue;
                }
                var changed = Remedies.apply(r, new RemedyContext(current.config(), f, current.log()));
                if (changed.isPresent() && configs.add(changed.get().tree())) {
                    return new Choice(f, r, changed.get());
                }
            }
        }
        return null;
    }

    private static String verdict(TrialResult current, TrialResult r, Choice c) {
        boolean newlyBehind = r.has(UNDERFITTING) && !current.has(UNDERFITTING);
        if (Remedies.changesTheMeasurement(c.remedy())) {
            boolean resolved = r.findings().stream().noneMatch(f -> f.identity().equals(c.finding().identity()));
            boolean clean = !newlyBehind && !r.has("TRAIN_NAN_LOSS");
            return resolved && clean ? "kept: " + c.finding().code() + " is resolved"
                    : "discarded: " + (resolved ? "it introduced new errors" : c.finding().code() + " remains");
        }
        boolean better = r.score() < current.score() * (1 - MIN_GAIN) || (current.score() == Double.POSITIVE_INFINITY
                && r.score() < Double.POSITIVE_INFINITY);
        if (!better) {
            return "discarded: " + r.scoreName() + " did not improve (" + fmt(r.shownScore()) + " vs " + fmt(current.shownScore()) + ")";
        }
        if (newlyBehind) {
            return "discarded: " + r.scoreName() + " improved but the model fell behind the baselines";
        }
        return "kept: " + r.scoreName() + " " + fmt(r.shownScore()) + " (was " + fmt(current.shownScore()) + ")";
    }

    private static String fmt(double v) {
        return dev.triage.diagnose.Fmt.num(v);
    }

    private static RepairOutcome outcome(TrialResult original, TrialResult last, List<Remedy> kept, List<RepairTrial> trials,
                                         String stop) {
        if (last.errors().isEmpty() && !kept.isEmpty()) {
            return new RepairOutcome(true, RepairOutcome.Outcome.REPAIRED, trials, "no error finding remains after " + kept,
                    last.findings());
        }
        if (!kept.isEmpty()) {
            return new RepairOutcome(true, RepairOutcome.Outcome.IMPROVED, trials, "kept " + kept + "; still "
                    + last.errors().stream().map(Finding::code).distinct().toList() + (stop == null ? "" : "; " + stop),
                    last.findings());
        }
        return new RepairOutcome(true, RepairOutcome.Outcome.UNREPAIRABLE, trials,
                stop != null ? stop : "no remedy improved the run within the trial budget", last.findings());
    }
}
