package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.TestData;
import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.setup.LearningRateRule;
import dev.triage.probe.LrRangeTest;
import dev.triage.repair.RepairOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known failures of issue 10 on real data: runs that train fine stay quiet, broken ones do not exit 0. */
class JudgmentSessionTest {
    @TempDir
    Path dir;

    private RunConfig config(Path csv, String target, String... sets) {
        List<String> all = new ArrayList<>(List.of("data.path=" + csv, "data.target=" + target, "output.dir=" + dir.resolve("runs"),
                "output.checkpoints=none"));
        all.addAll(List.of(sets));
        return RunConfig.load(null, all, dir);
    }

    private static SessionResult train(RunConfig c) {
        return TrainSession.train(c, SessionOptions.quiet());
    }

    private static List<Finding> codes(SessionResult r, String code) {
        return r.report().findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    /** A copy of a shared dataset with each line changed by {@code edit} (header included, as line 0; null drops it). */
    private Path derived(String dataset, String name, java.util.function.BiFunction<Integer, String, String> edit) throws IOException {
        List<String> lines = Files.readAllLines(TestData.dataset(dataset));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String changed = edit.apply(i, lines.get(i));
            if (changed != null) {
                out.add(changed);
            }
        }
        Path p = dir.resolve(name);
        Files.write(p, out);
        return p;
    }

    @Test
    void aLargeNetworkOnSmallDataWithEarlyStoppingIsNotAnError() {
        SessionResult r = train(config(TestData.dataset("wine_recognition.csv"), "cultivar", "data.task=classification",
                "model.hidden=[256,256]", "training.epochs=500", "training.early_stopping={patience: 20}"));
        assertThat(codes(r, "DATA_TOO_SMALL")).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aNetworkFarWorseThanTheLinearBaselineDoesNotExitZero() {
        SessionResult r = train(config(TestData.dataset("digits_8x8.csv"), "digit", "data.task=classification", "model.hidden=[2]",
                "training.epochs=40"));
        assertThat(codes(r, "TRAIN_UNDERFITTING")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence().get("residual_ratio")).isGreaterThan(5);
        });
        assertThat(r.exitCode()).isEqualTo(SessionResult.ERRORS_REMAIN);
    }

    @Test
    void aSigmoidOutputOnARawRegressionTargetIsAMismatch() {
        SessionResult r = train(config(TestData.dataset("wine_quality_red.csv"), "quality", "model.output_activation=sigmoid",
                "data.preprocess.scale_target=none", "training.epochs=5"));
        assertThat(codes(r, "CONFIG_OUTPUT_LOSS_MISMATCH")).singleElement().satisfies(f ->
                assertThat(f.message()).contains("spans [3, 8]"));
    }

    @Test
    void aTinyDataSetWithoutAValidationSplitIsJudgedAndRepairedOnItsTrainingRows() throws IOException {
        Path tiny = derived("iris.csv", "iris_tiny.csv", (i, line) -> i == 0 || i % 5 == 0 ? line : null);
        SessionResult r = train(config(tiny, "species", "data.task=classification", "data.split.validation=0",
                "data.split.test=0", "doctor.repair=true"));
        assertThat(codes(r, "DATA_NOT_LEARNABLE")).isEmpty();
        assertThat(codes(r, "CONFIG_BATCH_SIZE")).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(r.report().repair().outcome()).isEqualTo(RepairOutcome.Outcome.REPAIRED);
        assertThat(r.report().repair().trials()).first().satisfies(t -> {
            assertThat(t.validationLoss()).as("scored on the training rows").isFinite();
            assertThat(t.reason()).contains("train_log_loss");
        });
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aSingleFeatureIsNotALeakAndRepairNeverLeavesNoFeature() throws IOException {
        Path one = derived("concrete_compressive_strength.csv", "one.csv", (i, line) -> {
            String[] f = line.split(",");
            String y = f[f.length - 1];
            return i == 0 ? "band," + y : (int) (Double.parseDouble(y) / 10) + "," + y;
        });
        SessionResult r = train(config(one, "compressive_strength_mpa", "training.epochs=10", "doctor.repair=true"));
        assertThat(codes(r, "DATA_TARGET_LEAK")).isEmpty();
        assertThat(r.exitCode()).as("repaired").isZero();
    }

    @Test
    void theLrFinderSuggestsARateTheDoctorAccepts() {
        LrRangeTest.Result r = LrFindSession.run(config(TestData.dataset("digits_8x8.csv"), "digit", "data.task=classification"),
                SessionOptions.quiet());
        assertThat(r.suggested()).isLessThanOrEqualTo(LearningRateRule.range(dev.triage.config.Optimizer.ADAM)[1]);
        assertThat(r.suggested()).isLessThanOrEqualTo(r.lowest() / 10);
    }

    @Test
    void classWeightsTrainAClassifierAndAreRefusedForARegression() {
        SessionResult r = train(config(TestData.dataset("breast_cancer_wisconsin.csv"), "diagnosis", "training.epochs=20",
                "training.class_weights=balanced", "doctor.enabled=false"));
        assertThat(((dev.triage.train.TaskMetrics.Classification) r.report().metrics().test()).accuracy()).isGreaterThan(0.9);
        assertThatThrownBy(() -> train(config(TestData.dataset("wine_quality_red.csv"), "quality",
                "training.class_weights=balanced"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("training.class_weights").hasMessageContaining("regression");
    }

    @Test
    void featuresAllNearZeroAreFoundAndScaledByTheRepair() throws IOException {
        Path tiny = derived("wine_quality_red.csv", "tiny.csv", (i, line) -> {
            if (i == 0) {
                return line;
            }
            String[] f = line.split(",");
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < f.length - 1; k++) {
                sb.append(Double.parseDouble(f[k]) * 1e-6).append(',');
            }
            return sb.append(f[f.length - 1]).toString();
        });
        SessionResult r = train(config(tiny, "quality", "data.preprocess.scale=none", "training.epochs=20", "doctor.repair=true"));
        assertThat(codes(r, "DATA_UNSCALED")).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(r.report().repair().trials()).first().satisfies(t -> {
            assertThat(t.remedies()).containsExactly(dev.triage.diagnose.Remedy.SCALE_FEATURES);
            assertThat(t.kept()).isTrue();
        });
    }

    @Test
    void aNegativeBiasInitAndAnEarlyDecayingScheduleAreFoundBeforeTraining() {
        SessionResult r = train(config(TestData.dataset("wine_quality_red.csv"), "quality", "model.bias_init=-3",
                "training.schedule=exponential", "training.epochs=50"));
        assertThat(codes(r, "CONFIG_INIT")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("bias_init -3");
        });
        assertThat(codes(r, "CONFIG_SCHEDULE")).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    @Test
    void aFlatRangeTestSuggestsNoRate() {
        LrRangeTest.Result r = LrFindSession.run(config(TestData.dataset("breast_cancer_wisconsin.csv"), "diagnosis",
                "model.init=zeros"), SessionOptions.quiet());
        assertThat(r.suggested()).as("zero weights: only the output bias learns, the loss barely falls").isNaN();
    }

    @Test
    void aLinearTargetInRawUnitsThatTrainsToR2NearOneIsNotAnError() throws IOException {
        double[] coef = {-73.1, 69.5, 52.8, -49.0, -0.9, -10.1, 30.3, 57.7, -81.2, -94.3, 67.2};
        Path linear = derived("wine_quality_red.csv", "linear.csv", (i, line) -> {
            String[] f = line.split(",");
            if (i == 0) {
                return line.substring(0, line.lastIndexOf(',') + 1) + "y";
            }
            double y = 0;
            for (int k = 0; k < coef.length; k++) {
                y += coef[k] * Double.parseDouble(f[k]);
            }
            return line.substring(0, line.lastIndexOf(',') + 1) + y;
        });
        SessionResult r = train(config(linear, "y", "data.preprocess.scale_target=none"));
        assertThat(((dev.triage.train.TaskMetrics.Regression) r.report().metrics().test()).r2()).isGreaterThan(0.95);
        assertThat(codes(r, "TRAIN_PREDICTS_CONSTANT")).isEmpty();
        assertThat(r.report().findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void oneExtremeValueUnderRobustScalingIsASpikeTheRunRecoversFrom() throws IOException {
        Path extreme = derived("wine_quality_red.csv", "extreme.csv", (i, line) -> {
            if (i != 101) {
                return line;
            }
            String[] f = line.split(",");
            f[10] = Double.toString(Double.parseDouble(f[10]) * 1e6);
            return String.join(",", f);
        });
        SessionResult r = train(config(extreme, "quality", "data.preprocess.scale=robust"));
        assertThat(r.report().findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(r.exitCode()).isZero();
    }
}
