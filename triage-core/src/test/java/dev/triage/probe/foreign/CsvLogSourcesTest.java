package dev.triage.probe.foreign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Task;
import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Replay;
import dev.triage.diagnose.Rules;
import dev.triage.diagnose.SkippedRule;
import dev.triage.probe.log.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras CSVLogger and Lightning metrics.csv files in their real formats, diagnosed on their losses alone. */
class CsvLogSourcesTest {
    @TempDir
    Path dir;

    private Path write(String name, List<String> lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, lines);
        return p;
    }

    /** A Keras CSVLogger file: epoch from 0, keys in alphabetical order. */
    private Path keras(double[] loss, double[] val) throws IOException {
        List<String> lines = new ArrayList<>(List.of("epoch,loss,lr,mae,val_loss,val_mae"));
        for (int e = 0; e < loss.length; e++) {
            lines.add(String.format(Locale.ROOT, "%d,%s,0.001,0.5,%s,0.6", e, loss[e], val[e]));
        }
        return write("training.log", lines);
    }

    private static List<String> codes(RunLog log) {
        return Replay.run(log, new Doctor(Rules.all(), List.of())).findings().stream().map(Finding::code).toList();
    }

    @Test
    void kerasOverfittingIsFoundFromTheLossesAlone() throws IOException {
        int n = 40;
        double[] loss = new double[n];
        double[] val = new double[n];
        for (int e = 0; e < n; e++) {
            loss[e] = 1.0 / (1 + e);
            val[e] = e < 10 ? 1.0 / (1 + e) + 0.05 : 0.14 + 0.03 * (e - 10);
        }
        Path p = keras(loss, val);
        KerasCsvSource source = new KerasCsvSource(Task.AUTO);
        assertThat(source.recognizes(p)).isTrue();
        LoadedRun run = source.read(p);
        assertThat(run.log().epochs()).hasSize(n);
        assertThat(run.log().epochs().get(0).epoch()).isEqualTo(1);
        assertThat(run.log().setup().task()).isEqualTo(Task.REGRESSION);
        assertThat(codes(run.log())).contains("TRAIN_OVERFITTING");
    }

    @Test
    void kerasDivergenceAndNanAreFound() throws IOException {
        double[] loss = {1.0, 0.9, 3.0, 40.0, 900.0, 2.0e5, 1e9, Double.NaN};
        double[] val = {1.1, 1.0, 3.5, 50.0, 1e3, 3e5, 2e9, Double.NaN};
        LoadedRun run = new KerasCsvSource(Task.AUTO).read(keras(loss, val));
        assertThat(run.log().nonFinite()).isNotNull();
        assertThat(run.log().nonFinite().epoch()).isEqualTo(8);
        assertThat(codes(run.log())).contains("TRAIN_NAN_LOSS", "TRAIN_LOSS_DIVERGING");
    }

    @Test
    void aHealthyKerasRunRaisesNoErrorAndSaysWhatCouldNotBeChecked() throws IOException {
        int n = 30;
        double[] loss = new double[n];
        double[] val = new double[n];
        for (int e = 0; e < n; e++) {
            loss[e] = 0.3 + 0.7 * Math.exp(-e / 5.0);
            val[e] = 0.35 + 0.7 * Math.exp(-e / 5.0);
        }
        RunLog log = new KerasCsvSource(Task.AUTO).read(keras(loss, val)).log();
        Doctor doctor = Replay.run(log, new Doctor(Rules.all(), List.of()));
        assertThat(doctor.findings()).noneMatch(f -> f.severity().name().equals("ERROR"));
        assertThat(doctor.skipped(log).stream().map(SkippedRule::rule)).contains("dead-relu", "exploding-gradients",
                "not-learnable", "update-ratio");
    }

    @Test
    void lightningStepLossesAndEpochValidationRowsAreJoined() throws IOException {
        List<String> lines = new ArrayList<>(List.of("epoch,step,train_loss,val_acc,val_loss"));
        int step = 0;
        for (int e = 0; e < 12; e++) {
            for (int s = 0; s < 5; s++) {
                double osc = (s % 2 == 0 ? 1.0 : 0.2) * 2;
                lines.add(String.format(Locale.ROOT, "%d,%d,%s,,", e, step++, osc));
            }
            lines.add(String.format(Locale.ROOT, "%d,%d,,0.5,%s", e, step - 1, e % 2 == 0 ? 2.0 : 0.6));
        }
        Path p = write("metrics.csv", lines);
        LightningCsvSource source = new LightningCsvSource(Task.AUTO);
        assertThat(source.recognizes(dir)).isTrue();
        assertThat(new KerasCsvSource(Task.AUTO).recognizes(p)).isFalse();
        RunLog log = source.read(dir).log();
        assertThat(log.stepCount()).isEqualTo(60);
        assertThat(log.epochs()).hasSize(12);
        assertThat(log.epochs().get(0).trainLoss()).isCloseTo((2.0 * 3 + 0.4 * 2) / 5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(log.epochs().get(0).validationLoss()).isEqualTo(2.0);
        assertThat(log.epochs().get(0).validationMetric()).isEqualTo(0.5);
        assertThat(log.setup().task()).isEqualTo(Task.CLASSIFICATION);
    }

    @Test
    void badCsvLogsNameTheFileLineAndColumn() throws IOException {
        Path noLoss = write("a.csv", List.of("epoch,step,val_acc", "0,0,0.5"));
        assertThatThrownBy(() -> new LightningCsvSource(Task.AUTO).read(noLoss)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no training loss column").hasMessageContaining("self.log");
        Path text = write("training.log", List.of("epoch,loss,val_loss", "0,1.0,1.1", "1,fast,1.0", "2,0.8,0.9"));
        assertThatThrownBy(() -> new KerasCsvSource(Task.AUTO).read(text)).hasMessageContaining("training.log:3")
                .hasMessageContaining("column 'loss'").hasMessageContaining("'fast'");
        Path empty = write("empty.csv", List.of());
        assertThatThrownBy(() -> new KerasCsvSource(Task.AUTO).read(empty)).hasMessageContaining("the file is empty");
        Path cut = write("cut.log", List.of("epoch,loss,val_loss", "0,1.0,1.1", "1,0.9"));
        LoadedRun r = new KerasCsvSource(Task.AUTO).read(cut);
        assertThat(r.log().epochs()).hasSize(1);
        assertThat(r.notes()).anyMatch(n -> n.contains("incomplete"));
    }
}
