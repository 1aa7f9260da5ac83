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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repair loop's judgment: duplicates, ties, direction, warnings behind a baseline, how it ends. */
class RepairJudgmentTest {
    private static final RunConfig BASE = ConfigBinder.bind(YamlSource.parse(
            "data: {path: d.csv, target: y}\nmodel: {hidden: [8]}\n", "run.yaml", Path.of("/tmp")));

    private static Finding finding(String code, Severity sev, Phase phase, String where, Remedy... remedies) {
        return new Finding(code, "r", sev, phase, null, null, where, code, Evidence.empty(), List.of(remedies));
    }

    private static Finding error(String code, Phase phase, Remedy... remedies) {
        return finding(code, Severity.ERROR, phase, null, remedies);
    }

    private static TrialResult result(RunConfig c, double score, Finding... findings) {
        return new TrialResult(c, List.of(findings), null, score, 1 / score, "trial");
    }

    @Test
    void aTrialThatRemovesAnErrorAtAnEqualScoreIsKept() {
        Finding dead = finding("TRAIN_DEAD_RELU", Severity.ERROR, Phase.TRAINING, "layer 2", Remedy.USE_LEAKY_RELU);
        TrialResult flights = result(BASE, 977, dead);
        RepairLoop.Result r = RepairLoop.run(flights, (c, n) -> result(c, 976.5), 5, s -> { });
        assertThat(r.outcome().outcome()).isEqualTo(RepairOutcome.Outcome.REPAIRED);
        assertThat(r.outcome().trials()).singleElement().satisfies(t -> {
            assertThat(t.kept()).isTrue();
            assertThat(t.reason()).contains("1 error finding(s) fewer at an equal validation score");
        });
        RepairLoop.Result worse = RepairLoop.run(flights, (c, n) -> result(c, 977 * 1.03), 1, s -> { });
        assertThat(worse.outcome().trials()).singleElement().satisfies(t -> assertThat(t.kept()).as("3% worse is not noise").isFalse());
    }

    @Test
    void aConfigurationAlreadyRunIsNeitherRunNorCounted() {
        TrialResult broken = result(BASE, 1.0, error("TRAIN_PREDICTS_CONSTANT", Phase.TRAINING, Remedy.FIX_OUTPUT_AND_LOSS,
                Remedy.TRAIN_LONGER));
        List<RunConfig> ran = new ArrayList<>();
        TrialRunner runner = new TrialRunner() {
            @Override
            public TrialResult run(RunConfig config, int trial) {
                ran.add(config);
                return result(config, 0.5);
            }

            @Override
            public RunConfig resolve(RunConfig config) {
                return config.withAll(java.util.Map.of("model.output_activation", "identity", "model.loss", "mse"));
            }
        };
        RunConfig resolved = runner.resolve(BASE);
        RepairLoop.Result r = RepairLoop.run(result(resolved, 1.0, broken.findings().toArray(Finding[]::new)), runner, 5, s -> { });
        assertThat(ran).as("output auto resolves to what runs already").singleElement()
                .satisfies(c -> assertThat(c.training().epochs()).isEqualTo(200));
        assertThat(r.outcome().trials()).singleElement().satisfies(t -> {
            assertThat(t.trial()).isEqualTo(1);
            assertThat(t.remedies()).containsExactly(Remedy.TRAIN_LONGER);
        });
    }

    @Test
    void noHigherLearningRateOnARunWhoseStepsAreTooLarge() {
        TrialResult diverged = result(BASE, 1e21, error("TRAIN_UNDERFITTING", Phase.EVALUATION, Remedy.RAISE_LEARNING_RATE,
                Remedy.LOWER_LEARNING_RATE), finding("TRAIN_LOSS_DIVERGING", Severity.WARNING, Phase.TRAINING, null));
        List<RunConfig> ran = new ArrayList<>();
        RepairLoop.run(diverged, (c, n) -> {
            ran.add(c);
            return result(c, 0.5);
        }, 5, s -> { });
        assertThat(ran).singleElement().satisfies(c -> assertThat(c.training().learningRate()).isLessThan(0.001));
    }

    @Test
    void aWarningLevelCauseIsRepairedWhenTheNetworkTrailsABaseline() {
        Finding batchOfOne = finding("CONFIG_BATCH_SIZE", Severity.WARNING, Phase.CONFIG, null, Remedy.CHANGE_BATCH_SIZE);
        RunConfig one = BASE.with("training.batch_size", 1L);
        Finding trailing = finding("TRAIN_UNDERFITTING", Severity.WARNING, Phase.EVALUATION, null, Remedy.TRAIN_LONGER);
        RepairLoop.Result r = RepairLoop.run(result(one, 0.8, batchOfOne, trailing), (c, n) -> result(c, 0.5), 5, s -> { });
        assertThat(r.outcome().outcome()).isEqualTo(RepairOutcome.Outcome.REPAIRED);
        assertThat(r.last().config().training().batchSize()).isEqualTo(32);
        assertThat(RepairLoop.run(result(one, 0.8, batchOfOne), (c, n) -> result(c, 0.5), 5, s -> { }).outcome().outcome())
                .as("not trailing: a warning is left alone").isEqualTo(RepairOutcome.Outcome.NOT_NEEDED);
    }

    @Test
    void errorsThatRemainWhileTheNetworkHoldsItsOwnAreNotUnrepairable() {
        TrialResult stubborn = result(BASE, 1.0, error("TRAIN_DEAD_RELU", Phase.TRAINING, Remedy.USE_LEAKY_RELU));
        RepairLoop.Result r = RepairLoop.run(stubborn, (c, n) -> result(c, 1.0, error("TRAIN_DEAD_RELU", Phase.TRAINING)), 5,
                s -> { });
        assertThat(r.outcome().outcome()).isEqualTo(RepairOutcome.Outcome.UNRESOLVED);
        assertThat(r.outcome().explanation()).contains("does not lose to the baselines");
    }

    @Test
    void causesBeforeSymptomsAndNoBiggerNetworkForARunThatMemorizes() {
        Finding small = finding("DATA_TOO_SMALL", Severity.WARNING, Phase.DATA, null, Remedy.ADD_REGULARIZATION);
        Finding behind = error("TRAIN_UNDERFITTING", Phase.EVALUATION, Remedy.INCREASE_CAPACITY, Remedy.TRAIN_LONGER);
        List<RunConfig> ran = new ArrayList<>();
        RepairLoop.run(result(BASE, 0.5, behind, small), (c, n) -> {
            ran.add(c);
            return result(c, 0.6, behind, small);
        }, 5, s -> { });
        assertThat(ran).as("regularization for the small data first; never a larger network; then more epochs").hasSize(2);
        assertThat(ran.get(0).training().l2()).isEqualTo(1e-3);
        assertThat(ran.get(1).training().epochs()).isEqualTo(200);
        assertThat(ran).allSatisfy(c -> assertThat(c.model().hidden().get(0).units()).isEqualTo(8));
    }
}
