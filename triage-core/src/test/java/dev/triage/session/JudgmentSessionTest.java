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
            assertThat(t.reason()).contains("training-rows score");
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
        assertThat(r.exitCode()).isNotEqualTo(2);
    }

    @Test
    void rowsWithoutATargetAreNamedNotSilentlyDropped() throws IOException {
        Path holes = derived("wine_quality_red.csv", "holes.csv", (i, line) -> i == 6 || i == 51 ? line.substring(0,
                line.lastIndexOf(',') + 1) : line);
        SessionResult r = CheckSession.check(config(holes, "quality"), SessionOptions.quiet());
        assertThat(codes(r, "DATA_TARGET_MISSING")).singleElement().satisfies(f -> {
            assertThat(f.evidence().get("rows_without_target")).isEqualTo(2);
            assertThat(f.message()).contains("holes.csv row 6, holes.csv row 51");
        });
    }

    @Test
    void aRowNumberOnAFileSortedByClassLeaks() throws IOException {
        Path sorted = derived("iris.csv", "iris_ids.csv", (i, line) -> (i == 0 ? "row_id" : Integer.toString(i)) + "," + line);
        SessionResult r = CheckSession.check(config(sorted, "species", "data.task=classification"), SessionOptions.quiet());
        assertThat(codes(r, "DATA_TARGET_LEAK")).singleElement().extracting(Finding::where).isEqualTo("row_id");
        SessionResult plain = CheckSession.check(config(TestData.dataset("iris.csv"), "species", "data.task=classification"),
                SessionOptions.quiet());
        assertThat(codes(plain, "DATA_TARGET_LEAK")).isEmpty();
    }

    @Test
    void pixelsAlreadyInTheUnitRangeNeedNoScaling() throws IOException {
        Path unit = derived("digits_8x8.csv", "digits01.csv", (i, line) -> {
            if (i == 0) {
                return line;
            }
            String[] f = line.split(",");
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < f.length - 1; k++) {
                sb.append(Double.parseDouble(f[k]) / 16).append(',');
            }
            return sb.append(f[f.length - 1]).toString();
        });
        SessionResult r = CheckSession.check(config(unit, "digit", "data.task=classification", "data.preprocess.scale=none"),
                SessionOptions.quiet());
        assertThat(codes(r, "DATA_UNSCALED")).isEmpty();
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
}
