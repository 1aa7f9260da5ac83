package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** triage check on shipped files: missing values per file with --test, and the real run's split of a sampled file. */
class CheckFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSeparateTestFileGetsItsOwnMissingCounts() {
        CliRun r = CliRun.of("check", "--data", CliRun.dataset("adult_train.csv").toString(), "--target", "income", "--test",
                CliRun.dataset("adult_test.csv").toString());
        assertThat(r.out()).contains("test file: " + CliRun.dataset("adult_test.csv") + " (16281 rows)",
                "missing (train file)", "missing (test file)");
        String workclass = r.out().lines().filter(l -> l.trim().startsWith("workclass ")).findFirst().orElseThrow();
        assertThat(workclass).containsPattern("text +1836 \\(6%\\) +963 \\(6%\\)").doesNotContain("2799");
        String nativeCountry = r.out().lines().filter(l -> l.trim().startsWith("native_country ")).findFirst().orElseThrow();
        assertThat(nativeCountry).containsPattern("583 \\(2%\\) +274 \\(2%\\)");
    }

    @Test
    void aSampledFileReportsTheSplitOfARunOnTheWholeFile() throws Exception {
        Path json = dir.resolve("check.json");
        CliRun r = CliRun.of("check", "--data", CliRun.dataset("flights_200k.csv.gz").toString(), "--target", "delay", "--json",
                json.toString());
        assertThat(r.out()).contains("random sample of 100000 rows", "140000 training, 30000 validation, 30000 test rows");
        JsonNode data = new ObjectMapper().readTree(json.toFile()).path("data");
        assertThat(data.path("rows").asInt()).isEqualTo(200_000);
        assertThat(data.path("train_rows").asInt()).isEqualTo(140_000);
        assertThat(data.path("validation_rows").asInt()).isEqualTo(30_000);
        assertThat(data.path("test_rows").asInt()).isEqualTo(30_000);
    }
}
