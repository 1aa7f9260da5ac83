package dev.triage.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.TriageVersion;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.Baselines;
import dev.triage.repair.RemedyChange;
import dev.triage.train.TaskMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON report and the text summary of a fixed report, compared with files under
 * src/test/resources/golden (the version is normalized). A change to either format shows up here as a
 * diff to review; run with -Dgolden.update=true to accept it.
 */
public class GoldenReportTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    public static ReportData fixture() {
        Finding unscaled = new Finding("DATA_UNSCALED", "unscaled-features", Severity.ERROR, Phase.DATA, null, null, "alcohol",
                "features are not scaled (scale: none): values reach 289", Evidence.of("max_abs_value", 289).and("bound", 100),
                List.of(Remedy.SCALE_FEATURES, Remedy.ROBUST_SCALE_FEATURES));
        Finding nan = new Finding("TRAIN_NAN_LOSS", "nan-loss", Severity.ERROR, Phase.TRAINING, 1, 4L, "layer 3 (dense 1, identity)",
                "the loss became non-finite at step 4", Evidence.of("step", 4).and("last_finite_loss", Double.POSITIVE_INFINITY),
                List.of(Remedy.LOWER_LEARNING_RATE));
        Baselines baselines = new Baselines(List.of(new BaselineResult("trivial", "rmse", 0.85, 0.74, 0.72),
                new BaselineResult("linear", "rmse", 0.65, 0.61, 0.42)), "trivial", "linear", 0.2, 0.001, 19);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("training", Map.of("learning_rate", 0.05));
        TaskMetrics test = new TaskMetrics.Regression(0.66, 0.5, 0.2, 3, new double[] {5, 6, 5.5}, new double[] {5, 7, 6});
        return new ReportData("train", new DataSummary("wine.csv", 1599, 11, "regression", "quality", 1119, 240, 240, null, null),
                config, List.of(unscaled, nan), baselines, new RunMetrics(10, 0.4, Double.NaN, test, "non_finite", 1.5), null,
                "runs/demo", List.of(new SkippedCheck("split-shift", "no separate test file")))
                .withUserSettings(Map.of("data.preprocess.scale", "none"))
                .withRemedies(new RemedyPlans(Map.of(unscaled.identity(), List.of(
                        new RemedyChange(Remedy.SCALE_FEATURES, Map.of("data.preprocess.scale", "standard"),
                                Map.of("data.preprocess.scale", "none"), ""),
                        RemedyChange.action(Remedy.ROBUST_SCALE_FEATURES, "nothing to change"))), Map.of()));
    }

    @Test
    void jsonReport() throws IOException {
        String json = JsonReport.render(fixture()).replace(TriageVersion.current(), "VERSION");
        compare("report.json", json);
    }

    @Test
    void textSummary() throws IOException {
        compare("summary.txt", Summary.render(fixture()) + FindingPrinter.line(fixture().findings().get(1)) + "\n");
    }

    private static void compare(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        // a golden file is committed: a missing one fails (it is never written here and compared with itself)
        assertThat(file).as("golden file %s: commit it (-Dgolden.update=true writes it for review)", file).isRegularFile();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
