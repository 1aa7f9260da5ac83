package dev.triage.repair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.ConfigBinder;
import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Imputation;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.config.RunConfig;
import dev.triage.config.Scaling;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.config.YamlSource;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Remedies as configuration changes: they point the right way and never repeat what is in place. */
class RemediesTest {
    private static RunConfig config(String yaml) {
        return ConfigBinder.bind(YamlSource.parse("data: {path: d.csv, target: y}\n" + yaml, "run.yaml", Path.of("/tmp")));
    }

    private static RunLog log(Task task, int trainRows, double bias, List<String> features) {
        RunLog log = new RunLog();
        List<LayerFacts> layers = List.of(new LayerFacts(0, features.size(), 8, dev.triage.config.Activation.RELU, 0, false,
                dev.triage.config.Init.HE_UNIFORM, 1, bias), new LayerFacts(1, 8, 1, dev.triage.config.Activation.IDENTITY, 0,
                false, dev.triage.config.Init.XAVIER_UNIFORM, 1));
        log.setSetup(new RunSetup(task, task == Task.CLASSIFICATION ? 2 : 0, layers, Loss.MSE, Optimizer.ADAM, 1e-3, 0.9, 32, 100,
                trainRows, 10, 0, 0, 0, GradientNormalization.NONE, false, false, Scaling.STANDARD, TargetScaling.STANDARD,
                Imputation.NONE, true, false, 100, 1 << 20, 1L << 30, DType.FLOAT32));
        List<ColumnProfile> cols = features.stream().map(n -> new ColumnProfile(n, false, false, 100, 0, 0, 90, false, null, null,
                false, false)).toList();
        log.setData(new DataSignals("d.csv", 100, trainRows, 10, 10, false, cols, null, new DuplicateRows(100, 0, 0), List.of(),
                List.of(), List.of(), 0, 0));
        return log;
    }

    private static Optional<RunConfig> apply(Remedy r, RunConfig c, RunLog log, String where) {
        Finding f = new Finding("X", "x", Severity.ERROR, Phase.DATA, null, null, where, "x", Evidence.empty(), List.of(r));
        return Remedies.apply(r, new RemedyContext(c, f, log));
    }

    private static Optional<RunConfig> applyOn(Remedy r, RunConfig c, RunLog log, Subject subject) {
        Finding f = new Finding("X", "x", Severity.ERROR, Phase.DATA, null, null, subject, "x", Evidence.empty(), List.of(r), null);
        return Remedies.apply(r, new RemedyContext(c, f, log));
    }

    @Test
    void aBatchThatCoversTheDataGetsSmaller() {
        RunConfig c = config("training: {batch_size: 32}\n");
        assertThat(apply(Remedy.CHANGE_BATCH_SIZE, c, log(Task.CLASSIFICATION, 30, 0, List.of("a")), null))
                .hasValueSatisfying(n -> assertThat(n.training().batchSize()).isEqualTo(7));
        assertThat(apply(Remedy.CHANGE_BATCH_SIZE, config("training: {batch_size: 1}\n"), log(Task.REGRESSION, 1000, 0, List.of("a")),
                null)).hasValueSatisfying(n -> assertThat(n.training().batchSize()).isEqualTo(32));
        assertThat(apply(Remedy.CHANGE_BATCH_SIZE, c, log(Task.REGRESSION, 1000, 0, List.of("a")), null))
                .as("already a batch of 32 on plenty of rows").isEmpty();
    }

    @Test
    void theLastFeatureIsNeverDropped() {
        RunConfig c = config("");
        assertThat(applyOn(Remedy.DROP_LEAKING_FEATURE, c, log(Task.REGRESSION, 100, 0, List.of("x")), Subject.column("x"))).isEmpty();
        assertThat(applyOn(Remedy.DROP_COLUMN, c, log(Task.REGRESSION, 100, 0, List.of("id", "x")), Subject.column("id")))
                .hasValueSatisfying(n -> assertThat(n.data().dropColumns()).containsExactly("id"));
    }

    /** The column comes from the finding's subject, never from the text reports show (issue 15). */
    @Test
    void aColumnIsDroppedByTheFindingsSubjectNotItsText() {
        RunConfig c = config("");
        RunLog log = log(Task.REGRESSION, 100, 0, List.of("id", "x"));
        assertThat(apply(Remedy.DROP_COLUMN, c, log, "id")).as("a place known only by its text").isEmpty();
        assertThat(applyOn(Remedy.DROP_COLUMN, c, log, new Subject.Target("id"))).as("never the target").isEmpty();
        assertThat(applyOn(Remedy.DROP_LEAKING_FEATURE, c, log, new Subject.Column("id", "test")))
                .hasValueSatisfying(n -> assertThat(n.data().dropColumns()).containsExactly("id"));
    }

    /** A layer written as a map keeps its other settings when its units are scaled (issue 15: they were dropped). */
    @Test
    void capacityScalesOnlyTheUnitsOfEachLayer() {
        RunConfig c = config("model: {hidden: [16, {units: 8, dropout: 0.6, init: zeros}]}\n");
        RunLog log = log(Task.REGRESSION, 100, 0, List.of("a"));
        assertThat(apply(Remedy.INCREASE_CAPACITY, c, log, null)).hasValueSatisfying(n -> {
            assertThat(n.get("model.hidden")).isEqualTo(List.of(32L, Map.of("units", 32L, "dropout", 0.6, "init", "zeros")));
            assertThat(n.model().hidden().get(1).dropout()).isEqualTo(0.6);
            assertThat(n.model().hidden().get(1).init()).isEqualTo(dev.triage.config.Init.ZEROS);
        });
        assertThat(apply(Remedy.REDUCE_CAPACITY, c, log, null)).hasValueSatisfying(n ->
                assertThat(n.get("model.hidden")).isEqualTo(List.of(8L, Map.of("units", 4L, "dropout", 0.6, "init", "zeros"))));
        assertThat(apply(Remedy.REDUCE_CAPACITY, config("model: {hidden: [4, {units: 4, dropout: 0.6}]}\n"), log, null))
                .as("every layer at the smallest size already").isEmpty();
    }

    @Test
    void heInitIsSkippedWhenItIsTheDefaultAndResetsABias() {
        RunConfig c = config("model: {bias_init: -3}\n");
        assertThat(apply(Remedy.USE_HE_INIT, config(""), log(Task.REGRESSION, 100, 0, List.of("a")), null)).isEmpty();
        assertThat(apply(Remedy.USE_HE_INIT, c, log(Task.REGRESSION, 100, -3, List.of("a")), null)).hasValueSatisfying(n -> {
            assertThat(n.model().biasInit()).isZero();
            assertThat(n.model().init()).isEqualTo(dev.triage.config.Init.AUTO);
        });
    }

    @Test
    void classWeightsScalingAndSchedules() {
        RunLog classes = log(Task.CLASSIFICATION, 100, 0, List.of("a"));
        assertThat(apply(Remedy.REWEIGHT_CLASSES, config(""), classes, null)).hasValueSatisfying(n ->
                assertThat(n.training().classWeights().mode()).isEqualTo(dev.triage.config.ClassWeights.Mode.BALANCED));
        assertThat(apply(Remedy.REWEIGHT_CLASSES, config("training: {class_weights: balanced}\n"), classes, null)).isEmpty();
        assertThat(apply(Remedy.REWEIGHT_CLASSES, config(""), log(Task.REGRESSION, 100, 0, List.of("a")), null)).isEmpty();
        assertThat(apply(Remedy.SCALE_FEATURES, config("").with("data.preprocess.scale", "robust"), classes, null)).as("features are scaled already").isEmpty();
        assertThat(apply(Remedy.FIX_LR_SCHEDULE, config("training: {schedule: exponential}\n"), classes, null))
                .hasValueSatisfying(n -> assertThat(n.training().schedule().type()).isEqualTo(dev.triage.config.ScheduleType.COSINE));
        assertThat(apply(Remedy.USE_ADAM, config("training: {optimizer: adamw}\n"), classes, null)).isEmpty();
    }
}
