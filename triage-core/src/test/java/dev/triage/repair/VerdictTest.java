package dev.triage.repair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a trial is kept: its score against the current run's, the errors it removes, the baselines. */
class VerdictTest {
    static Finding finding(String code, Severity s, String where, Remedy... remedies) {
        return new Finding(code, "rule", s, Phase.TRAINING, 1, 1L, where, "m", Evidence.empty(), List.of(remedies));
    }

    static TrialResult trial(double score, Finding... findings) {
        return new TrialResult(null, List.of(findings), null, score, Double.NaN, "run");
    }

    private static final Finding LR = finding("CONFIG_LEARNING_RATE", Severity.ERROR, null, Remedy.LOWER_LEARNING_RATE);
    private static final Finding LEAK = finding("DATA_TARGET_LEAK", Severity.ERROR, "id", Remedy.DROP_LEAKING_FEATURE);
    private static final Finding BEHIND = finding(Verdict.UNDERFITTING, Severity.ERROR, null);

    @Test
    void aScoreHalfAPercentBetterIsKeptAndLessIsNot() {
        assertThat(Verdict.of(trial(1.0), trial(0.99), LR, false)).isEqualTo("kept: validation score 0.99 (was 1)");
        assertThat(Verdict.of(trial(1.0), trial(0.995), LR, false)).as("exactly 0.5% better is not better")
                .isEqualTo("discarded: validation score did not improve (0.995 vs 1) and no error finding went away");
        assertThat(Verdict.of(trial(1.0), trial(1.03), LR, false)).as("worse than the noise")
                .isEqualTo("discarded: validation score did not improve (1.03 vs 1)");
        assertThat(Verdict.of(trial(Double.NaN), trial(5.0), LR, false)).as("any score beats none")
                .isEqualTo("kept: validation score 5 (was infinity)");
    }

    @Test
    void anEqualScoreWithFewerErrorsIsKeptOnlyWhenNoNewErrorAppears() {
        assertThat(Verdict.of(trial(1.0, LR), trial(1.02), LR, false))
                .isEqualTo("kept: 1 error finding(s) fewer at an equal validation score (1.02 vs 1)");
        assertThat(Verdict.of(trial(1.0, LR), trial(1.021), LR, false)).as("beyond 2% noise")
                .isEqualTo("discarded: validation score did not improve (1.02 vs 1)");
        Finding other = finding("TRAIN_LOSS_OSCILLATING", Severity.ERROR, null);
        Finding third = finding("TRAIN_OVERFITTING", Severity.ERROR, null);
        assertThat(Verdict.of(trial(1.0, LR, third), trial(1.0, other), LR, false)).as("as many errors, one of them new")
                .startsWith("discarded:");
        assertThat(Verdict.of(trial(1.0, LR, third), trial(1.0, LR), LR, false)).startsWith("kept: 1 error finding(s) fewer");
        Finding warning = finding("TRAIN_LOSS_OSCILLATING", Severity.WARNING, null);
        assertThat(Verdict.of(trial(1.0, LR), trial(1.0, warning), LR, false)).as("a warning is not an error").startsWith("kept:");
    }

    @Test
    void fallingBehindTheBaselinesIsNeverKept() {
        assertThat(Verdict.of(trial(1.0), trial(0.5, BEHIND), LR, false))
                .isEqualTo("discarded: the score did not get worse but the model fell behind the baselines");
        assertThat(Verdict.of(trial(1.0, BEHIND), trial(0.5, BEHIND), LR, false)).as("it was behind already")
                .isEqualTo("kept: validation score 0.5 (was 1)");
        assertThat(Verdict.of(trial(1.0), trial(2.0, BEHIND), LR, false))
                .isEqualTo("discarded: validation score did not improve (2 vs 1)");
    }

    @Test
    void aChangeOfWhatIsMeasuredIsKeptWhenItResolvesItsFindingCleanly() {
        assertThat(Verdict.of(trial(0.1, LEAK), trial(0.9), LEAK, true)).as("a worse score, honestly")
                .isEqualTo("kept: DATA_TARGET_LEAK is resolved");
        assertThat(Verdict.of(trial(0.1, LEAK), trial(0.05, LEAK), LEAK, true)).isEqualTo("discarded: DATA_TARGET_LEAK remains");
        Finding elsewhere = finding("DATA_TARGET_LEAK", Severity.ERROR, "other");
        assertThat(Verdict.of(trial(0.1, LEAK), trial(0.9, elsewhere), LEAK, true)).as("another column's leak is another finding")
                .isEqualTo("kept: DATA_TARGET_LEAK is resolved");
        assertThat(Verdict.of(trial(0.1, LEAK), trial(0.9, BEHIND), LEAK, true)).isEqualTo("discarded: it introduced new errors");
        assertThat(Verdict.of(trial(0.1, LEAK), trial(0.9, finding("TRAIN_NAN_LOSS", Severity.ERROR, "x")), LEAK, true))
                .isEqualTo("discarded: it introduced new errors");
        assertThat(Verdict.of(trial(0.1, LEAK, BEHIND), trial(0.9, BEHIND), LEAK, true)).as("behind before as well")
                .isEqualTo("kept: DATA_TARGET_LEAK is resolved");
    }
}
