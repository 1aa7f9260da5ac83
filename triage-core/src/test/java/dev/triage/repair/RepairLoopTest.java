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
import dev.triage.diagnose.Subject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repair loop with a scripted trial runner: which remedy it tries, what it keeps, how it ends. */
class RepairLoopTest {
    private static final RunConfig BASE = ConfigBinder.bind(YamlSource.parse(
            "data: {path: d.csv, target: y, preprocess: {scale: none}}\ntraining: {optimizer: sgd, learning_rate: 5.0}\n",
            "run.yaml", Path.of("/tmp")));

    private static Finding error(String code, Phase phase, Remedy... remedies) {
        return new Finding(code, "r", Severity.ERROR, phase, null, null, null, code, Evidence.empty(), List.of(remedies));
    }

    private static TrialResult result(RunConfig c, double score, Finding... findings) {
        return new TrialResult(c, List.of(findings), null, score, 1 / score, "trial");
    }

    @Test
    void fixesTheMostFundamentalErrorFirstAndKeepsImprovements() {
        TrialResult broken = result(BASE, Double.NaN, error("TRAIN_NAN_LOSS", Phase.TRAINING, Remedy.LOWER_LEARNING_RATE),
                error("DATA_UNSCALED", Phase.DATA, Remedy.SCALE_FEATURES));
        List<RunConfig> ran = new ArrayList<>();
        RepairLoop.Result r = RepairLoop.run(broken, (c, n) -> {
            ran.add(c);
            return c.data().preprocess().scale() == dev.triage.config.Scaling.STANDARD ? result(c, 0.4) : result(c, Double.NaN);
        }, 5, s -> { });
        assertThat(ran).hasSize(1);
        assertThat(ran.get(0).data().preprocess().scale()).isEqualTo(dev.triage.config.Scaling.STANDARD);
        assertThat(r.outcome().outcome()).isEqualTo(RepairOutcome.Outcome.REPAIRED);
        assertThat(r.outcome().trials()).singleElement().satisfies(t -> {
            assertThat(t.kept()).isTrue();
            assertThat(t.remedies()).containsExactly(Remedy.SCALE_FEATURES);
        });
        assertThat(r.last().validationScore()).isEqualTo(0.4);
    }

    @Test
    void discardsChangesThatDoNotHelpAndTriesTheNextRemedy() {
        TrialResult bad = result(BASE, 1.0, error("TRAIN_NAN_LOSS", Phase.TRAINING, Remedy.CLIP_GRADIENTS, Remedy.LOWER_LEARNING_RATE));
        RepairLoop.Result r = RepairLoop.run(bad, (c, n) -> c.training().learningRate() < 5.0 ? result(c, 0.5) : result(c, 1.2),
                5, s -> { });
        assertThat(r.outcome().trials()).extracting(RepairTrial::kept).containsExactly(false, true);
        assertThat(r.outcome().trials().get(1).remedies()).containsExactly(Remedy.LOWER_LEARNING_RATE);
        assertThat(r.last().config().training().learningRate()).as("far above SGD's range: its usual 0.01").isEqualTo(0.01);
    }

    @Test
    void labelsUnrelatedToFeaturesAreUnrepairable() {
        TrialResult random = result(BASE, 0.7, error("DATA_NOT_LEARNABLE", Phase.DATA, Remedy.CHECK_LABELS),
                error("TRAIN_UNDERFITTING", Phase.EVALUATION, Remedy.RAISE_LEARNING_RATE));
        RepairLoop.Result r = RepairLoop.run(random, (c, n) -> {
            throw new AssertionError("nothing should be retrained");
        }, 5, s -> { });
        assertThat(r.outcome().outcome()).isEqualTo(RepairOutcome.Outcome.UNREPAIRABLE);
        assertThat(r.outcome().explanation()).contains("DATA_NOT_LEARNABLE");
    }

    @Test
    void aHealthyRunNeedsNoRepairAndTheBudgetIsRespected() {
        assertThat(RepairLoop.run(result(BASE, 0.3), (c, n) -> null, 5, s -> { }).outcome().outcome())
                .isEqualTo(RepairOutcome.Outcome.NOT_NEEDED);
        TrialResult stubborn = result(BASE, 1.0, error("TRAIN_UNDERFITTING", Phase.EVALUATION, Remedy.RAISE_LEARNING_RATE,
                Remedy.TRAIN_LONGER, Remedy.REDUCE_REGULARIZATION, Remedy.INCREASE_CAPACITY));
        RepairLoop.Result r = RepairLoop.run(stubborn, (c, n) -> result(c, 1.0,
                error("TRAIN_UNDERFITTING", Phase.EVALUATION, Remedy.RAISE_LEARNING_RATE)), 2, s -> { });
        assertThat(r.outcome().trials()).hasSize(2);
        assertThat(r.outcome().outcome()).as("two remedies were never tried: not proven unrepairable")
                .isEqualTo(RepairOutcome.Outcome.UNRESOLVED);
        RepairLoop.Result all = RepairLoop.run(stubborn, (c, n) -> result(c, 1.0,
                error("TRAIN_UNDERFITTING", Phase.EVALUATION, Remedy.RAISE_LEARNING_RATE)), 10, s -> { });
        assertThat(all.outcome().outcome()).as("every remedy tried, still behind the baseline")
                .isEqualTo(RepairOutcome.Outcome.UNREPAIRABLE);
    }

    @Test
    void aLeakIsKeptDroppedEvenThoughTheScoreGetsWorse() {
        Finding leak = new Finding("DATA_TARGET_LEAK", "target-leak", Severity.ERROR, Phase.DATA, null, null,
                Subject.column("panel"), "leak", Evidence.empty(), List.of(Remedy.DROP_LEAKING_FEATURE), null);
        TrialResult leaking = result(BASE.with("data.preprocess.scale", "standard"), 0.01, leak);
        RepairLoop.Result r = RepairLoop.run(leaking, (c, n) -> result(c, 0.42), 5, s -> { });
        assertThat(r.outcome().outcome()).isEqualTo(RepairOutcome.Outcome.REPAIRED);
        assertThat(r.last().config().data().dropColumns()).containsExactly("panel");
    }
}
