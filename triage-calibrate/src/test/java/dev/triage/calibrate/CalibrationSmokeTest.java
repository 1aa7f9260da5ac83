package dev.triage.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end on a handful of short runs: both populations, a repair, both output files. */
class CalibrationSmokeTest {
    @TempDir
    Path out;

    private static Path datasets() {
        String prop = System.getProperty("triage.shared");
        Path p = prop != null ? Path.of(prop, "datasets") : Path.of("..", "..", "shared", "datasets");
        return p.toAbsolutePath().normalize();
    }

    @Test
    void aSmallCalibrationRunsAndWritesItsTables() throws Exception {
        Path data = datasets();
        assumeTrue(Files.isDirectory(data), "the shared datasets are not beside the repository");
        Main.Options o = new Main.Options(4, 1, 7, out, 2, data, true, List.of("lr_x100", "leak_noisy_copy"),
                List.of("airfoil", "breast_cancer", "auto_mpg"), 15, false);
        Calibration.Result r = new Calibration(o, Main.quietErr()).run();

        assertThat(r.markdownPath()).exists();
        String md = Files.readString(r.markdownPath());
        assertThat(md).contains("## Headline").contains("## Per code").contains("## Per fault class");
        JsonNode json = new ObjectMapper().readTree(out.resolve("calibration.json").toFile());
        assertThat(json.at("/headline/healthy_candidates").asInt()).isEqualTo(4);
        assertThat(json.get("healthy_runs")).hasSize(4);
        if (json.at("/headline/healthy_runs").asInt() > 0) {
            assertThat(json.get("faulty_runs")).hasSize(2);
            assertThat(md).contains("| lr_x100 |").contains("| leak_noisy_copy |");
        }
        assertThat(out.resolve("work")).doesNotExist();
    }

    @Test
    void faultsEditOnlyWhatTheyName() {
        Recipe base = new Recipe();
        base.dataset = Dataset.ALL.get(0);
        base.hidden = new int[] {32};
        base.activation = "relu";
        base.optimizer = "adam";
        base.learningRate = 0.001;
        base.batchSize = 32;
        base.epochs = 50;
        base.data = Path.of("x.csv");
        Faults.FaultClass lr = Faults.all().stream().filter(c -> c.id().equals("lr_x100")).findFirst().orElseThrow();
        Faults.Injected in = lr.injector().inject(base, null, new java.util.SplittableRandom(1), null);
        List<String> before = base.overrides();
        List<String> after = in.recipe().overrides();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).startsWith("training.learning_rate=")) {
                assertThat(after.get(i)).isEqualTo(before.get(i));
            }
        }
        assertThat(after).contains("training.learning_rate=0.1");
    }
}
