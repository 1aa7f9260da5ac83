package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken run on the shipped wine data, repaired quietly: every remedy is printed as the --set change
 * (and the printed change works), the JSON carries the changes, the settings are the user's, the
 * repair speaks of val_rmse like the epoch lines, and data findings are not repeated per trial.
 */
class RemediesAndNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aQuietRepairShowsEachRemedyAsItsChangeInTheRunsOwnNames() throws Exception {
        Path json = dir.resolve("r.json");
        CliRun r = CliRun.of("train", "--data", CliRun.dataset("wine_quality_red.csv").toString(), "--target", "quality",
                "--lr", "3", "--epochs", "12", "--set", "model.output_activation=sigmoid", "--repair", "-q",
                "--set", "output.dir=" + dir.resolve("runs"), "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isIn(0, 1, 3);
        String out = r.out();
        assertThat(out).contains("ERROR   CONFIG_LEARNING_RATE", "try LOWER_LEARNING_RATE  --set training.learning_rate=0.001",
                "or CLIP_GRADIENTS       --set training.gradient_normalization=clip_global_norm",
                "try FIX_OUTPUT_AND_LOSS  --set model.output_activation=auto --set model.loss=auto");
        assertThat(count(out, "INFO    DATA_TARGET_LOOKS_CATEGORICAL")).as("data findings once, not per trial").isEqualTo(1);
        assertThat(out).contains("as before, not repeated: DATA_OUTLIERS, DATA_DUPLICATE_ROWS");
        List<String> repairLines = out.lines().filter(l -> l.matches("\\s+(kept|discarded):.*|\\s+trial \\d.*")).toList();
        assertThat(repairLines).isNotEmpty().noneMatch(l -> l.contains("validation score"));
        assertThat(out).containsPattern("(kept|discarded): val_rmse").containsPattern("trial \\d \\w+ +\\[\\w+\\]  val_rmse \\d");

        JsonNode report = JSON.readTree(json.toFile());
        JsonNode lr = finding(report.path("findings"), "CONFIG_LEARNING_RATE");
        assertThat(lr.path("remedies").get(0).asText()).isEqualTo("LOWER_LEARNING_RATE");
        JsonNode first = lr.path("remedy_changes").get(0);
        assertThat(first.path("remedy").asText()).isEqualTo("LOWER_LEARNING_RATE");
        assertThat(first.path("changes").path("training.learning_rate").asDouble()).isEqualTo(0.001);
        assertThat(first.path("before").path("training.learning_rate").asDouble()).isEqualTo(3.0);
        assertThat(first.path("set").asText()).isEqualTo("--set training.learning_rate=0.001");
        JsonNode settings = report.path("user_settings");
        assertThat(settings.path("model.output_activation").asText()).isEqualTo("sigmoid");
        assertThat(settings.path("training.learning_rate").asDouble()).isEqualTo(3.0);
        assertThat(settings.has("training.threads")).as("detected, not set").isFalse();
        assertThat(settings.has("data.task")).isFalse();
        assertThat(report.path("repair").path("trials").get(0).has("val_rmse")).isTrue();

        String html = Files.readString(Path.of(report.path("run_dir").asText()).resolve("report.html"));
        assertThat(html).contains("<code>model.output_activation</code></td><td>sigmoid</td><td>auto</td>")
                .contains("data-remedy=\"LOWER_LEARNING_RATE\"", "class=\"new\">0.001<");
        String repair = html.substring(html.indexOf("<section id=\"repair\">"));
        assertThat(repair.substring(0, repair.indexOf("</section>"))).contains("<th>val_rmse (target units)</th>")
                .doesNotContain("kept: kept:", "validation score");

        List<String> fix = setArguments(out, "LOWER_LEARNING_RATE");
        List<String> args = new ArrayList<>(List.of("train", "--data", CliRun.dataset("wine_quality_red.csv").toString(), "--target",
                "quality", "--lr", "3", "--epochs", "2", "-q", "--set", "output.dir=" + dir.resolve("fixed")));
        args.addAll(fix);
        CliRun fixed = CliRun.of(args.toArray(String[]::new));
        assertThat(fixed.out()).as("the printed change applied by hand").doesNotContain("CONFIG_LEARNING_RATE");
    }

    @Test
    void checkPrintsTheChangesOnTheDataItProfiles() {
        CliRun r = CliRun.of("check", "--data", CliRun.dataset("california_housing.csv").toString(), "--target",
                "median_house_value", "--set", "data.preprocess.scale=none");
        assertThat(r.out()).containsPattern("try SCALE_FEATURES +--set data.preprocess.scale=standard\n")
                .containsPattern("try IMPUTE_MISSING +--set data.preprocess.impute=median\n");
    }

    private static List<String> setArguments(String out, String remedy) {
        Matcher m = Pattern.compile(remedy + " +((--set \\S+ ?)+)").matcher(out);
        assertThat(m.find()).as(remedy + " printed as --set").isTrue();
        List<String> args = new ArrayList<>();
        for (String part : m.group(1).trim().split(" ")) {
            args.add(part);
        }
        return args;
    }

    private static JsonNode finding(JsonNode findings, String code) {
        for (JsonNode f : findings) {
            if (code.equals(f.path("code").asText())) {
                return f;
            }
        }
        throw new AssertionError(code + " not among the findings");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
