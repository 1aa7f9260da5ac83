package dev.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.config.InvalidInputException;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library entry point: in-memory data, listeners that hear findings and stop training, predictions, diagnosis. */
class TriageApiTest {
    @TempDir
    Path dir;

    private static Dataset linear(int rows, double scale) {
        Random r = new Random(3);
        double[][] x = new double[rows][3];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian() * scale;
            }
            y[i] = x[i][0] / scale + 2 * x[i][1] / scale - x[i][2] / scale + 0.05 * r.nextGaussian();
        }
        return Dataset.of(x, y, List.of("a", "b", "c"), "y");
    }

    @Test
    void aListenerHearsEachFindingAsItFiresAndCanStopTraining() {
        List<String> heard = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        TriageResult r = Triage.train(linear(300, 1e4)).set("data.preprocess.scale", "none").epochs(50).outputDir(dir)
                .listener(new TriageListener() {
                    @Override
                    public void onFinding(Finding f) {
                        heard.add(f.code());
                    }

                    @Override
                    public void onEpoch(Epoch e) {
                        epochs.add(e.epoch());
                        if (e.epoch() == 4) {
                            e.stop();
                        }
                    }
                }).train();
        assertThat(heard).contains("DATA_UNSCALED");
        assertThat(heard).containsExactlyInAnyOrderElementsOf(r.findings().stream().map(Finding::code).toList());
        assertThat(epochs).containsExactly(1, 2, 3, 4);
        assertThat(r.metrics().epochsRun()).isEqualTo(4);
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void aHealthyInMemoryRunPredictsThroughItsModel() {
        TriageResult r = Triage.train(linear(400, 1)).epochs(60).seed(5).outputDir(dir).train();
        assertThat(r.remainingFindings()).noneMatch(f -> f.severity() == Severity.ERROR);
        TriageModel m = r.model().orElseThrow();
        assertThat(m.columns()).containsExactly("a", "b", "c");
        assertThat(m.isClassifier()).isFalse();
        // columns may come in any order: they are matched by name
        double[] p = m.predict(new double[][] {{1, 0, 0}, {0, 0, 1}}, List.of("b", "c", "a"));
        assertThat(p[0]).isBetween(1.6, 2.4);
        assertThat(p[1]).isBetween(0.6, 1.4); // the third value is column a
        assertThatThrownBy(() -> m.predict(new double[][] {{1, 2}}, List.of("a", "b")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("c");
    }

    @Test
    void badSettingsAndDataAreRefusedWithTheKey() {
        assertThatThrownBy(() -> Triage.train(linear(50, 1)).set("training.optimizr", "adam").outputDir(dir).train())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("optimizer");
        assertThatThrownBy(() -> Dataset.of(new double[2][2], new double[3], List.of("a", "b"), "y"))
                .hasMessageContaining("2 feature rows but 3 targets");
        assertThatThrownBy(() -> Dataset.of(new double[2][2], new double[2], List.of("a", "y"), "y"))
                .hasMessageContaining("also a feature name");
    }

    @Test
    void aRunFolderCanBeDiagnosedAgain() {
        TriageResult trained = Triage.train(linear(200, 1)).epochs(10).outputDir(dir.resolve("runs")).train();
        TriageResult again = Triage.diagnose(trained.runDir().orElseThrow(), null, null, dir.resolve("diagnosis"));
        assertThat(again.findings().stream().map(Finding::code).toList())
                .isEqualTo(trained.findings().stream().map(Finding::code).toList());
    }
}
