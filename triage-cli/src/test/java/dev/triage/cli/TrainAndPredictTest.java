package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train and predict commands on a real dataset, and a truncated model file. */
class TrainAndPredictTest {
    @TempDir
    Path dir;

    @Test
    void trainWritesTheReportAndPredictUsesTheModel() throws Exception {
        Path json = dir.resolve("report.json");
        CliRun train = CliRun.of("train", "--data", CliRun.dataset("wine_quality_red.csv").toString(), "--target", "quality",
                "--epochs", "15", "--set", "output.dir=" + dir.resolve("runs"), "--json", json.toString());
        assertThat(train.exit()).as(train.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("command").asText()).isEqualTo("train");
        assertThat(report.path("findings").isArray()).isTrue();
        assertThat(report.path("metrics").path("test").path("rmse").asDouble()).isBetween(0.4, 0.8);
        assertThat(report.path("data").path("rows").asInt()).isEqualTo(1599);
        Path model = Path.of(report.path("run_dir").asText()).resolve("model.triage");

        Path out = dir.resolve("pred.csv");
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data",
                CliRun.dataset("wine_quality_red.csv").toString(), "--out", out.toString());
        assertThat(predict.exit()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1600);
        assertThat(lines.get(0)).endsWith(",quality,quality_predicted");
        assertThat(Double.parseDouble(lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1))).isBetween(3.0, 8.0);

        byte[] bytes = Files.readAllBytes(model);
        Path cut = dir.resolve("cut.triage");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun truncated = CliRun.of("predict", "--model", cut.toString(), "--data", CliRun.dataset("wine_quality_red.csv").toString());
        assertThat(truncated.exit()).isEqualTo(2);
        assertThat(truncated.err()).contains("truncated or corrupted");
    }

    @Test
    void versionAndHelp() {
        assertThat(CliRun.of("--version").out()).startsWith("triage ");
        CliRun help = CliRun.of("train", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--config").contains("--repair").contains("--resume");
    }
}
