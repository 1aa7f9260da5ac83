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

/** Which findings the repair loop works on, and in which order (causes of errors rank as errors). */
class RepairCandidatesTest {
    private static final RunConfig BASE = ConfigBinder.bind(YamlSource.parse("data: {path: d.csv, target: y}\n", "run.yaml",
            Path.of("/tmp")));

    private static Finding f(String code, Severity s, Phase p, String where, Remedy... remedies) {
        return new Finding(code, "r", s, p, null, null, where, code, Evidence.empty(), List.of(remedies));
    }

    private static List<String> candidates(Finding... findings) {
        return RepairLoop.candidates(new TrialResult(BASE, List.of(findings), null, 0.5, 0.5, "run")).stream()
                .map(Finding::code).toList();
    }

    @Test
    void aWarningThatCausedAnErrorIsRepairedFirstAndIsolatedWarningsWaitForABaselineGap() {
        Finding schedule = f("CONFIG_SCHEDULE", Severity.WARNING, Phase.CONFIG, null, Remedy.FIX_LR_SCHEDULE);
        Finding plateau = f("TRAIN_LOSS_PLATEAU", Severity.ERROR, Phase.TRAINING, null, Remedy.RAISE_LEARNING_RATE)
                .causedBy(schedule.identity());
        Finding batch = f("CONFIG_BATCH_SIZE", Severity.WARNING, Phase.CONFIG, null, Remedy.CHANGE_BATCH_SIZE);
        Finding unscaled = f("DATA_UNSCALED", Severity.ERROR, Phase.DATA, "x", Remedy.SCALE_FEATURES);
        assertThat(candidates(plateau, batch, schedule, unscaled)).containsExactly("DATA_UNSCALED", "CONFIG_SCHEDULE",
                "TRAIN_LOSS_PLATEAU");
        Finding behind = f("TRAIN_UNDERFITTING", Severity.WARNING, Phase.EVALUATION, null, Remedy.TRAIN_LONGER);
        assertThat(candidates(batch, behind)).containsExactly("CONFIG_BATCH_SIZE", "TRAIN_UNDERFITTING");
    }

    /** A regression run that ended at validation MSE {@code mse}; trivial 1.0, linear baseline 0.5 (90% of its skill: 0.55). */
    private static List<String> candidatesAfter(double mse, Finding... findings) {
        return candidatesAfter(mse, mse, findings);
    }

    /** {@code score}: what the repair compares (the training rows' loss when there is no validation split). */
    private static List<String> candidatesAfter(double mse, double score, Finding... findings) {
        var log = new dev.triage.probe.log.RunLog();
        log.setBaselines(new dev.triage.probe.log.Baselines(List.of(
                new dev.triage.probe.log.BaselineResult("trivial", "rmse", 1.0, 1.0, 1.0),
                new dev.triage.probe.log.BaselineResult("linear", "rmse", Math.sqrt(0.5), Math.sqrt(0.5), 0.5)),
                "trivial", "linear", 0.5, Double.NaN, 0));
        log.setEvaluation(new dev.triage.probe.log.EvaluationSignals(10, "COMPLETED", mse, mse, Math.sqrt(mse), mse, Double.NaN,
                10, mse, false, mse));
        return RepairLoop.candidates(new TrialResult(BASE, List.of(findings), log, score, Math.sqrt(score), "run")).stream()
                .map(Finding::code).toList();
    }

    @Test
    void aWarningIsRepairedWhenTheNetworkTrailsTheBestBaselineWithoutAnUnderfittingFinding() {
        Finding mismatch = f("CONFIG_OUTPUT_LOSS_MISMATCH", Severity.WARNING, Phase.CONFIG, null, Remedy.FIX_OUTPUT_AND_LOSS);
        assertThat(candidatesAfter(0.56, mismatch)).as("below 90% of the baseline's skill").containsExactly(
                "CONFIG_OUTPUT_LOSS_MISMATCH");
        assertThat(candidatesAfter(0.549, mismatch)).as("holds its own").isEmpty();
        assertThat(RepairLoop.behind(new TrialResult(BASE, List.of(mismatch), null, 0.56, 0.7, "run")))
                .as("no final evaluation: nothing to judge").isFalse();
        assertThat(candidatesAfter(Double.NaN, 0.3, mismatch)).as("no validation split: scored on the training rows, not"
                + " known to be behind").isEmpty();
    }

    @Test
    void anIdentifierColumnIsDroppedEvenWhenTheRunIsFine() {
        Finding id = f("DATA_HIGH_CARDINALITY", Severity.WARNING, Phase.DATA, "customer_id", Remedy.DROP_COLUMN);
        Finding outliers = f("DATA_OUTLIERS", Severity.WARNING, Phase.DATA, "income", Remedy.ROBUST_SCALE_FEATURES);
        assertThat(candidates(outliers, id)).containsExactly("DATA_HIGH_CARDINALITY");
    }
}
