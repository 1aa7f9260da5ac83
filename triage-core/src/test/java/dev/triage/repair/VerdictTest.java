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

/** A trial's verdict is a record: kept or not follows from its grounds, and it carries the numbers it was judged by. */
class VerdictTest {
    private static final RunConfig C = ConfigBinder.bind(YamlSource.parse("data: {path: d.csv, target: y}\n", "run.yaml",
            Path.of("/tmp")));
    private static final Finding CAUSE = error("CONFIG_LEARNING_RATE");

    private static Finding error(String code) {
        return new Finding(code, "r", Severity.ERROR, Phase.CONFIG, null, null, (String) null, code, Evidence.empty(),
                List.of(Remedy.LOWER_LEARNING_RATE));
    }

    private static TrialResult run(double score, Finding... findings) {
        return new TrialResult(C, List.of(findings), null, score, 1 / score, "trial");
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
    void fallingBehindTheBaselinesIsNeverKept() {
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
