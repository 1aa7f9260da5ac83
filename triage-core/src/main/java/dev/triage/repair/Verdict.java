package dev.triage.repair;

import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a trial is kept. A change is kept when the validation score (the training-rows score without
 * a validation split) improves by more than {@link #MIN_GAIN}, or when it removes error findings at an
 * equal score — within {@link #NOISE} — since ties go to fewer errors; never when it puts the model
 * behind the baselines where it was not before. Remedies that change what is measured (dropping a
 * leaking column, reshuffling the split) are kept when they resolve their finding without new errors.
 */
final class Verdict {
    /** A score must improve by at least this fraction to count as better. */
    static final double MIN_GAIN = 0.005;
    /** Scores within this fraction of each other are equal: run-to-run noise. */
    static final double NOISE = 0.02;
    static final String UNDERFITTING = "TRAIN_UNDERFITTING";

    private Verdict() {
    }

    /** "kept: ..." or "discarded: ..." for trial {@code r} of a change made for {@code finding} to {@code current}. */
    static String of(TrialResult current, TrialResult r, Finding finding, boolean changesMeasurement) {
        boolean newlyBehind = r.has(UNDERFITTING) && !current.has(UNDERFITTING);
        if (changesMeasurement) {
            boolean resolved = r.findings().stream().noneMatch(f -> f.identity().equals(finding.identity()));
            boolean clean = !newlyBehind && !r.has("TRAIN_NAN_LOSS");
            return resolved && clean ? "kept: " + finding.code() + " is resolved"
                    : "discarded: " + (resolved ? "it introduced new errors" : finding.code() + " remains");
        }
        double now = current.score();
        double next = r.score();
        boolean better = next < now * (1 - MIN_GAIN) || now == Double.POSITIVE_INFINITY && next < now;
        boolean equal = !better && (next <= now * (1 + NOISE) || now == next);
        int removed = errors(current).size() - errors(r).size();
        if (newlyBehind && (better || equal)) {
            return "discarded: the score did not get worse but the model fell behind the baselines";
        }
        String score = r.scoreName();
        String shown = fmt(r.shownScore()) + " vs " + fmt(current.shownScore());
        if (better) {
            return "kept: " + score + " " + fmt(r.shownScore()) + " (was " + fmt(current.shownScore()) + ")";
        }
        if (equal && removed > 0 && errors(current).containsAll(errors(r))) {
            return "kept: " + removed + " error finding(s) fewer at an equal " + score + " (" + shown + ")";
        }
        return "discarded: " + score + " did not improve (" + shown + ")"
                + (equal && removed <= 0 ? " and no error finding went away" : "");
    }

    private static Set<String> errors(TrialResult r) {
        return r.errors().stream().map(Finding::identity).collect(Collectors.toSet());
    }

    private static String fmt(double v) {
        return Fmt.num(v);
    }
}
