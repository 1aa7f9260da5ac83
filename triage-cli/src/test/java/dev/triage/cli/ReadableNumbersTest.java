package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers on shipped data read as numbers: no sprawling fixed-point losses, no Java exponents in predictions. */
class ReadableNumbersTest {
    @TempDir
    Path dir;

    @Test
    void aDivergingRunPrintsItsLossesInScientificNotation() {
        CliRun r = CliRun.of("train", "--data", CliRun.dataset("iris.csv").toString(), "--target", "species", "--epochs", "3",
                "--lr", "5", "--set", "output.dir=" + dir, "-v");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<String> epochs = r.out().lines().filter(l -> l.trim().startsWith("epoch ")).toList();
        assertThat(epochs).hasSize(3);
        assertThat(String.join("\n", epochs)).containsPattern("loss \\d\\.\\d+e\\+\\d\\d").doesNotContainPattern("\\d{9}");
    }

    @Test
    void predictionsAndProbabilitiesHaveSevenSignificantDigits() throws Exception {
        CliRun train = CliRun.of("train", "--data", CliRun.dataset("breast_cancer_wisconsin.csv").toString(), "--target",
                "diagnosis", "--task", "classification", "--epochs", "40", "--set", "output.dir=" + dir.resolve("runs"),
                "--set", "output.name=bc", "-q");
        assertThat(train.exit()).as(train.err()).isIn(0, 1);
        Path model;
        try (var s = Files.list(dir.resolve("runs"))) {
            model = s.findFirst().orElseThrow().resolve("model.triage");
        }
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data",
                CliRun.dataset("breast_cancer_wisconsin.csv").toString());
        assertThat(predict.exit()).as(predict.err()).isZero();
        List<String> rows = predict.out().lines().skip(1).toList();
        assertThat(rows).hasSize(569);
        for (String row : rows) {
            String[] cells = row.split(",");
            for (int i = cells.length - 2; i < cells.length; i++) {
                double p = Double.parseDouble(cells[i]);
                assertThat(p).isBetween(0.0, 1.0);
                assertThat(cells[i]).doesNotContain("E").matches("-?[0-9.]+(e[+-]\\d\\d)?");
                assertThat(cells[i].replaceAll("e.*", "").replaceAll("^[-0.]+", "").replace(".", "").length())
                        .as(cells[i]).isLessThanOrEqualTo(7);
            }
        }
        assertThat(predict.out()).contains("e-");
    }
}
