package dev.triage.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Task;
import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Replay;
import dev.triage.diagnose.Rules;
import dev.triage.diagnose.Severity;
import dev.triage.probe.foreign.LoadedRun;
import dev.triage.probe.log.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event files in the two real layouts (PyTorch SummaryWriter, Keras TensorBoard callback), read and diagnosed. */
class TensorBoardSourceTest {
    @TempDir
    Path dir;

    private final TensorBoardSource source = new TensorBoardSource(Task.AUTO);

    private Path write(Path folder, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Path p = folder.resolve("events.out.tfevents.1764770000.host.123.0");
        Files.write(p, bytes);
        return p;
    }

    private static List<Finding> findings(RunLog log) {
        return Replay.run(log, new Doctor(Rules.all(), List.of())).findings();
    }

    /** PyTorch style: "loss/train" every step, "loss/val" once an epoch, as simple_value. */
    @Test
    void pytorchStepLossesAndEpochValidationLossesShowOverfitting() throws IOException {
        EventWriter w = new EventWriter();
        int epochs = 30;
        int perEpoch = 10;
        for (int e = 0; e < epochs; e++) {
            for (int s = 0; s < perEpoch; s++) {
                w.simple("loss/train", (long) e * perEpoch + s, (float) (1.0 / (1 + e)));
            }
            w.simple("loss/val", e, (float) (e < 8 ? 1.0 / (1 + e) + 0.05 : 0.16 + 0.04 * (e - 8)));
        }
        write(dir, w.bytes());
        assertThat(source.recognizes(dir)).isTrue();
        LoadedRun run = source.read(dir);
        assertThat(run.log().stepCount()).isEqualTo(epochs * perEpoch);
        assertThat(run.log().epochs()).hasSize(epochs);
        assertThat(run.log().epochs().get(2).trainLoss()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(findings(run.log())).extracting(Finding::code).contains("TRAIN_OVERFITTING");
    }

    /** Keras style: train/ and validation/ folders, "epoch_loss" and "epoch_accuracy" as DT_FLOAT tensors. */
    @Test
    void kerasEpochTensorsInTrainAndValidationFolders() throws IOException {
        EventWriter train = new EventWriter();
        EventWriter val = new EventWriter();
        for (int e = 0; e < 20; e++) {
            float loss = (float) (e % 2 == 0 ? 2.0 : 0.5);
            train.tensor("epoch_loss", e, loss).tensor("epoch_accuracy", e, 0.5f);
            val.tensor("epoch_loss", e, loss * 1.1f).tensor("epoch_accuracy", e, 0.48f);
        }
        write(dir.resolve("train"), train.bytes());
        write(dir.resolve("validation"), val.bytes());
        LoadedRun run = source.read(dir);
        assertThat(run.log().setup().task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(run.log().epochs()).hasSize(20);
        assertThat(run.log().epochs().get(1).trainLoss()).isEqualTo(0.5);
        assertThat(run.log().epochs().get(1).validationLoss()).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(run.log().epochs().get(1).validationMetric()).isCloseTo(0.48, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(findings(run.log())).extracting(Finding::code).contains("TRAIN_LOSS_OSCILLATING");
    }

    @Test
    void aSteadilyFallingLossIsNotAnError() throws IOException {
        EventWriter w = new EventWriter();
        for (int e = 0; e < 25; e++) {
            w.simple("train_loss", e, (float) (0.2 + Math.exp(-e / 4.0)));
            w.simple("val_loss", e, (float) (0.25 + Math.exp(-e / 4.0)));
        }
        write(dir, w.bytes());
        assertThat(findings(source.read(dir).log())).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void damagedTruncatedAndEmptyFiles() throws IOException {
        EventWriter w = new EventWriter().simple("loss", 0, 1f).simple("loss", 1, 0.9f);
        byte[] ok = w.bytes();
        Path file = write(dir.resolve("a"), Arrays.copyOf(ok, ok.length - 3));
        LoadedRun cut = source.read(file);
        assertThat(cut.log().epochs()).hasSize(1);
        assertThat(cut.notes()).anyMatch(n -> n.contains("ends in the middle of a record"));

        byte[] bad = ok.clone();
        bad[bad.length - 6] ^= 0x55;
        Path damaged = write(dir.resolve("b"), bad);
        assertThatThrownBy(() -> source.read(damaged)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("checksum");

        Path empty = write(dir.resolve("c"), new byte[0]);
        assertThatThrownBy(() -> source.read(empty)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hold no scalars");
        assertThat(source.recognizes(dir.resolve("nothing-here"))).isFalse();
    }
}
