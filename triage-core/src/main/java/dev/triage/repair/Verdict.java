package dev.triage.repair;

import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a trial is kept, on what grounds, and the numbers it was judged by: the finding's code, the
 * name the run shows its score under, the trial's score and the score it had to beat (both in the units
 * shown), and how many error findings went away. A change is kept when the score (the training-rows score
 * without a validation split) improves by more than {@link #MIN_GAIN}, or when it removes error findings
 * at an equal score — within {@link #NOISE} — since ties go to fewer errors; never when it puts the model
 * behind the baselines where it was not before. Remedies that change what is measured (dropping a leaking
 * column, reshuffling the split) are kept when they resolve their finding without new errors.
 */
public record Verdict(Ground ground, String code, String scoreName, double score, double previousScore, int errorsRemoved) {
    /** A score must improve by at least this fraction to count as better. */
    static final double MIN_GAIN = 0.005;
    /** Scores within this fraction of each other are equal: run-to-run noise. */
    static final double NOISE = 0.02;
    static final String UNDERFITTING = "TRAIN_UNDERFITTING";

    /** Why a trial was kept or discarded. */
    public enum Ground {
        /** A change of what is measured resolved its finding without new errors. */
        RESOLVED(true),
        /** The score improved by more than {@link #MIN_GAIN}. */
        BETTER_SCORE(true),
        /** Fewer error findings (and no new one) at an equal score. */
        FEWER_ERRORS(true),
        /** A change of what is measured resolved its finding but brought new errors. */
        NEW_ERRORS(false),
        /** A change of what is measured left its finding in place. */
        FINDING_REMAINS(false),
        /** The score held but the network fell behind the baselines. */
        FELL_BEHIND(false),
        /** The score did not improve. */
        NOT_BETTER(false),
        /** The score did not improve, and no error finding went away at an equal score. */
        NOT_BETTER_NOR_FEWER_ERRORS(false);

        private final boolean kept;

        Ground(boolean kept) {
            this.kept = kept;
        }
    }

    /** Whether the trial's change is kept. */
    public boolean kept() {
        return ground.kept;
    }

    /** The verdict in words, as the run prints it and the report keeps it ("kept: ..." or "discarded: ..."). */
    public String reason() {
        String shown = Fmt.num(score) + " vs " + Fmt.num(previousScore);
        return switch (ground) {
            case RESOLVED -> "kept: " + code + " is resolved";
            case NEW_ERRORS -> "discarded: it introduced new errors";
            case FINDING_REMAINS -> "discarded: " + code + " remains";
            case FELL_BEHIND -> "discarded: the score did not get worse but the model fell behind the baselines";
            case BETTER_SCORE -> "kept: " + scoreName + " " + Fmt.num(score) + " (was " + Fmt.num(previousScore) + ")";
            case FEWER_ERRORS -> "kept: " + errorsRemoved + " error finding(s) fewer at an equal " + scoreName + " (" + shown + ")";
            case NOT_BETTER -> "discarded: " + scoreName + " did not improve (" + shown + ")";
            case NOT_BETTER_NOR_FEWER_ERRORS -> "discarded: " + scoreName + " did not improve (" + shown + ")"
                    + " and no error finding went away";
        };
    }

    /** The verdict on trial {@code r} of a change made for {@code finding} to the run {@code current}. */
    static Verdict of(TrialResult current, TrialResult r, Finding finding, boolean changesMeasurement) {
        boolean newlyBehind = r.has(UNDERFITTING) && !current.has(UNDERFITTING);
        int removed = errors(current).size() - errors(r).size();
        if (changesMeasurement) {
            boolean resolved = r.findings().stream().noneMatch(f -> f.identity().equals(finding.identity()));
            boolean clean = !newlyBehind && !r.has("TRAIN_NAN_LOSS");
            Ground g = resolved && clean ? Ground.RESOLVED : resolved ? Ground.NEW_ERRORS : Ground.FINDING_REMAINS;
            return verdict(g, finding, current, r, removed);
        }
        double now = current.score();
        double next = r.score();
        boolean better = next < now * (1 - MIN_GAIN) || now == Double.POSITIVE_INFINITY && next < now;
        boolean equal = !better && (next <= now * (1 + NOISE) || now == next);
        Ground g;
        if (newlyBehind && (better || equal)) {
            g = Ground.FELL_BEHIND;
        } else if (better) {
            g = Ground.BETTER_SCORE;
        } else if (equal && removed > 0 && errors(current).containsAll(errors(r))) {
            g = Ground.FEWER_ERRORS;
        } else {
            g = equal && removed <= 0 ? Ground.NOT_BETTER_NOR_FEWER_ERRORS : Ground.NOT_BETTER;
        }
        return verdict(g, finding, current, r, removed);
    }

    private static Verdict verdict(Ground g, Finding finding, TrialResult current, TrialResult r, int removed) {
        return new Verdict(g, finding.code(), r.scoreName(), r.shownScore(), current.shownScore(), removed);
    }

    private static Set<String> errors(TrialResult r) {
        return r.errors().stream().map(Finding::identity).collect(Collectors.toSet());
    }
}
