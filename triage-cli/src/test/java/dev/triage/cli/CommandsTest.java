package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench, report, sanity, lr-find and check end to end through the command line, on real data. */
class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void benchPrintsPeerSchemaLinesAndTheDoctorRatio() throws Exception {
        CliRun r = CliRun.of("bench", "--config", Path.of("../bench/small.yaml").toAbsolutePath().toString(), "--repeat", "1",
                "--set", "training.epochs=2");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).hasSize(3);
        JsonNode off = JSON.readTree(lines.get(0));
        assertThat(off.path("peer").asText()).isEqualTo("triage");
        assertThat(off.path("doctor").asBoolean()).isFalse();
        assertThat(off.path("epochs").asInt()).isEqualTo(2);
        assertThat(off.path("params").asInt()).isEqualTo(11 * 64 + 64 + 64 * 32 + 32 + 32 + 1);
        assertThat(off.path("samples_per_second").asDouble()).isPositive();
        assertThat(off.path("test_rmse").asDouble()).isBetween(0.5, 1.2);
        assertThat(JSON.readTree(lines.get(1)).path("doctor").asBoolean()).isTrue();
        assertThat(JSON.readTree(lines.get(2)).path("doctor_overhead_ratio").asDouble()).isPositive();
    }

    @Test
    void reportRedrawsARunFolderAndRefusesAnythingElse() throws Exception {
        CliRun train = CliRun.of("train", "--data", CliRun.dataset("iris.csv").toString(), "--target", "species", "--task",
                "classification", "--epochs", "5", "--set", "output.dir=" + dir.resolve("runs"), "-q");
        assertThat(train.exit()).as(train.err()).isZero();
        Path run;
        try (var s = Files.list(dir.resolve("runs"))) {
            run = s.findFirst().orElseThrow();
        }
        Files.delete(run.resolve("report.html"));
        CliRun report = CliRun.of("report", run.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(Files.readString(run.resolve("report.html"))).contains("data-chart=\"loss\"", "table class=\"confusion\"");
        CliRun bad = CliRun.of("report", dir.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("no report.json").doesNotContain("Exception");
    }

    @Test
    void sanityAndLrFindOnRealData() {
        String data = CliRun.dataset("wine_quality_red.csv").toString();
        CliRun sanity = CliRun.of("sanity", "--data", data, "--target", "quality", "--set", "output.dir=" + dir);
        assertThat(sanity.exit()).as(sanity.err()).isZero();
        assertThat(sanity.out()).contains("all sanity checks passed");
        CliRun lr = CliRun.of("lr-find", "--data", data, "--target", "quality", "--set", "output.dir=" + dir);
        assertThat(lr.exit()).as(lr.err()).isZero();
        assertThat(lr.out()).contains("suggested learning rate:");
    }

    @Test
    void checkFindsTheMissingValuesOfCaliforniaHousing() {
        CliRun r = CliRun.of("check", "--data", CliRun.dataset("california_housing.csv").toString(), "--target",
                "median_house_value", "--set", "data.preprocess.scale=none");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("DATA_NON_FINITE", "total_bedrooms", "DATA_UNSCALED");
    }
}
