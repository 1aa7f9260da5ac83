package dev.triage.repair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.ConfigBinder;
import dev.triage.config.RunConfig;
import dev.triage.config.YamlSource;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether a trial is kept: its score against the current run's, the errors it removes, the baselines. The
 * verdict is a record: kept or not follows from its grounds, and it carries the numbers it was judged by.
 */
class VerdictTest {
    private static final RunConfig C = ConfigBinder.bind(YamlSource.parse("data: {path: d.csv, target: y}\n", "run.yaml",
            Path.of("/tmp")));

    static Finding finding(String code, Severity s, String where, Remedy... remedies) {
        return new Finding(code, "rule", s, Phase.TRAINING, 1, 1L, where, "m", Evidence.empty(), List.of(remedies));
    }

    static TrialResult trial(double score, Finding... findings) {
        return new TrialResult(null, List.of(findings), null, score, Double.NaN, "run");
    }

    private static String reason(TrialResult current, TrialResult trial, Finding finding, boolean changesMeasurement) {
        return Verdict.of(current, trial, finding, changesMeasurement).reason();
    }

    private static final Finding LR = finding("CONFIG_LEARNING_RATE", Severity.ERROR, null, Remedy.LOWER_LEARNING_RATE);
    private static final Finding LEAK = finding("DATA_TARGET_LEAK", Severity.ERROR, "id", Remedy.DROP_LEAKING_FEATURE);
    private static final Finding BEHIND = finding(Verdict.UNDERFITTING, Severity.ERROR, null);

    @Test
    void aScoreHalfAPercentBetterIsKeptAndLessIsNot() {
        assertThat(reason(trial(1.0), trial(0.99), LR, false)).isEqualTo("kept: validation score 0.99 (was 1)");
        assertThat(reason(trial(1.0), trial(0.995), LR, false)).as("exactly 0.5% better is not better")
                .isEqualTo("discarded: validation score did not improve (0.995 vs 1) and no error finding went away");
        assertThat(reason(trial(1.0), trial(1.03), LR, false)).as("worse than the noise")
                .isEqualTo("discarded: validation score did not improve (1.03 vs 1)");
        assertThat(reason(trial(Double.NaN), trial(5.0), LR, false)).as("any score beats none")
                .isEqualTo("kept: validation score 5 (was infinity)");
    }

    @Test
    void anEqualScoreWithFewerErrorsIsKeptOnlyWhenNoNewErrorAppears() {
        assertThat(reason(trial(1.0, LR), trial(1.02), LR, false))
                .isEqualTo("kept: 1 error finding(s) fewer at an equal validation score (1.02 vs 1)");
        assertThat(reason(trial(1.0, LR), trial(1.021), LR, false)).as("beyond 2% noise")
                .isEqualTo("discarded: validation score did not improve (1.02 vs 1)");
        Finding other = finding("TRAIN_LOSS_OSCILLATING", Severity.ERROR, null);
        Finding third = finding("TRAIN_OVERFITTING", Severity.ERROR, null);
        assertThat(reason(trial(1.0, LR, third), trial(1.0, other), LR, false)).as("as many errors, one of them new")
                .startsWith("discarded:");
        assertThat(reason(trial(1.0, LR, third), trial(1.0, LR), LR, false)).startsWith("kept: 1 error finding(s) fewer");
        Finding warning = finding("TRAIN_LOSS_OSCILLATING", Severity.WARNING, null);
        assertThat(reason(trial(1.0, LR), trial(1.0, warning), LR, false)).as("a warning is not an error").startsWith("kept:");
    }

    @Test
    void fallingBehindTheBaselinesIsNeverKept() {
        assertThat(reason(trial(1.0), trial(0.5, BEHIND), LR, false))
                .isEqualTo("discarded: the score did not get worse but the model fell behind the baselines");
        assertThat(reason(trial(1.0, BEHIND), trial(0.5, BEHIND), LR, false)).as("it was behind already")
                .isEqualTo("kept: validation score 0.5 (was 1)");
        assertThat(reason(trial(1.0), trial(2.0, BEHIND), LR, false))
                .isEqualTo("discarded: validation score did not improve (2 vs 1)");
    }

    @Test
    void aChangeOfWhatIsMeasuredIsKeptWhenItResolvesItsFindingCleanly() {
        assertThat(reason(trial(0.1, LEAK), trial(0.9), LEAK, true)).as("a worse score, honestly")
                .isEqualTo("kept: DATA_TARGET_LEAK is resolved");
        assertThat(reason(trial(0.1, LEAK), trial(0.05, LEAK), LEAK, true)).isEqualTo("discarded: DATA_TARGET_LEAK remains");
        Finding elsewhere = finding("DATA_TARGET_LEAK", Severity.ERROR, "other");
        assertThat(reason(trial(0.1, LEAK), trial(0.9, elsewhere), LEAK, true)).as("another column's leak is another finding")
                .isEqualTo("kept: DATA_TARGET_LEAK is resolved");
        assertThat(reason(trial(0.1, LEAK), trial(0.9, BEHIND), LEAK, true)).isEqualTo("discarded: it introduced new errors");
        assertThat(reason(trial(0.1, LEAK), trial(0.9, finding("TRAIN_NAN_LOSS", Severity.ERROR, "x")), LEAK, true))
                .isEqualTo("discarded: it introduced new errors");
        assertThat(reason(trial(0.1, LEAK, BEHIND), trial(0.9, BEHIND), LEAK, true)).as("behind before as well")
                .isEqualTo("kept: DATA_TARGET_LEAK is resolved");
    }

    private static final Finding CAUSE = finding("CONFIG_LEARNING_RATE", Severity.ERROR, null, Remedy.LOWER_LEARNING_RATE);

    private static TrialResult run(double score, Finding... findings) {
        return new TrialResult(C, List.of(findings), null, score, 1 / score, "trial");
    }

    private static Finding error(String code) {
        return finding(code, Severity.ERROR, null, Remedy.LOWER_LEARNING_RATE);
    }

    private static Verdict judge(TrialResult before, TrialResult after) {
        return Verdict.of(before, after, CAUSE, false);
    }

    @Test
    void aBetterScoreIsKeptWithBothNumbers() {
        Verdict v = judge(run(1.0, CAUSE), run(0.9, CAUSE));
        assertThat(v).isEqualTo(new Verdict(Verdict.Ground.BETTER_SCORE, "CONFIG_LEARNING_RATE", "validation score", 0.9, 1.0, 0));
        assertThat(v.kept()).isTrue();
        assertThat(v.reason()).isEqualTo("kept: validation score 0.9 (was 1)");
    }

    @Test
    void aGainWithinTheMarginIsNoGain() {
        Verdict v = judge(run(1.0, CAUSE), run(0.996, CAUSE));
        assertThat(v.ground()).isEqualTo(Verdict.Ground.NOT_BETTER_NOR_FEWER_ERRORS);
        assertThat(v.kept()).isFalse();
        assertThat(v.reason()).startsWith("discarded: validation score did not improve").endsWith("and no error finding went away");
        assertThat(judge(run(1.0, CAUSE), run(1.5)).ground()).as("worse, even with an error fewer").isEqualTo(Verdict.Ground.NOT_BETTER);
    }

    @Test
    void fewerErrorsAtAnEqualScoreAreKept() {
        Verdict v = judge(run(1.0, CAUSE, error("INIT_LOSS_UNEXPECTED")), run(1.01, error("INIT_LOSS_UNEXPECTED")));
        assertThat(v.ground()).isEqualTo(Verdict.Ground.FEWER_ERRORS);
        assertThat(v.errorsRemoved()).isEqualTo(1);
        assertThat(v.kept()).isTrue();
        Verdict traded = judge(run(1.0, CAUSE), run(1.01, error("TRAIN_NAN_LOSS")));
        assertThat(traded.kept()).as("one error traded for another").isFalse();
    }

    @Test
    void fallingBehindIsItsOwnGround() {
        Verdict v = judge(run(1.0, CAUSE), run(0.5, error(Verdict.UNDERFITTING)));
        assertThat(v.ground()).isEqualTo(Verdict.Ground.FELL_BEHIND);
        assertThat(v.kept()).isFalse();
    }

    @Test
    void aChangeOfWhatIsMeasuredIsJudgedByItsFinding() {
        Finding leak = error("DATA_TARGET_LEAK");
        assertThat(Verdict.of(run(0.1, leak), run(0.5), leak, true)).satisfies(v -> {
            assertThat(v.ground()).isEqualTo(Verdict.Ground.RESOLVED);
            assertThat(v.kept()).isTrue();
            assertThat(v.reason()).isEqualTo("kept: DATA_TARGET_LEAK is resolved");
        });
        assertThat(Verdict.of(run(0.1, leak), run(0.05, leak), leak, true).ground()).isEqualTo(Verdict.Ground.FINDING_REMAINS);
        assertThat(Verdict.of(run(0.1, leak), run(0.5, error("TRAIN_NAN_LOSS")), leak, true).ground())
                .isEqualTo(Verdict.Ground.NEW_ERRORS);
    }

    @Test
    void theLoopKeepsExactlyWhatItsVerdictsKeep() {
        TrialResult start = run(1.0, CAUSE);
        RepairLoop.Result r = RepairLoop.run(start, (c, n) -> run(1.0 - 0.3 * n), 3, s -> { });
        assertThat(r.outcome().trials()).allSatisfy(t -> assertThat(t.kept()).isEqualTo(t.verdict().kept())
                .isEqualTo(t.reason().startsWith("kept")));
        assertThat(r.outcome().trials()).extracting(RepairTrial::kept).containsExactly(true);
    }
}
