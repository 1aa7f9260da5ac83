package dev.triage.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.Init;
import dev.triage.config.InvalidInputException;
import dev.triage.config.Loss;
import dev.triage.config.Task;
import dev.triage.data.FeatureEncoding;
import dev.triage.data.Preprocessor;
import dev.triage.data.TargetEncoding;
import dev.triage.nn.LayerSpec;
import dev.triage.nn.NetworkSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
    @TempDir
    Path dir;

    static Checkpoint checkpoint() {
        NetworkSpec net = new NetworkSpec(2, List.of(new LayerSpec(1, Activation.IDENTITY, 0, false, Init.ZEROS, 1, 0, 1)),
                Loss.MSE, 0.01, 1);
        Preprocessor pre = new Preprocessor(List.of(new FeatureEncoding("a", FeatureEncoding.Kind.NUMERIC, Double.NaN, 1, 2, null),
                new FeatureEncoding("b", FeatureEncoding.Kind.ONEHOT, 0, 0, 1, List.of("x"))), "y",
                new TargetEncoding(Task.REGRESSION, 5, 2, List.of()));
        TrainedModel model = new TrainedModel(net, DType.FLOAT32, pre, new double[] {0.25, -1.5, 0.125}, new double[0],
                Map.of("training", Map.of("epochs", 3)), "test");
        TrainingState state = new TrainingState(4, 30, 0, model.parameters(), model.buffers(), new double[] {3, 0.1, 0.2},
                new double[] {1, Double.POSITIVE_INFINITY, 0}, new double[0], 2, 0.5);
        return new Checkpoint(model, state, 0.6);
    }

    @Test
    void roundTripsEveryPart() {
        Path f = dir.resolve("c.ckpt");
        checkpoint().save(f);
        Checkpoint back = Checkpoint.load(f);
        assertThat(back.model().parameters()).containsExactly(0.25, -1.5, 0.125);
        assertThat(back.model().network()).isEqualTo(checkpoint().model().network());
        assertThat(back.model().preprocessor()).isEqualTo(checkpoint().model().preprocessor());
        assertThat(back.state().optimizer()).containsExactly(3, 0.1, 0.2);
        assertThat(back.state().schedule()[1]).isInfinite();
        assertThat(back.state().nextEpoch()).isEqualTo(4);
        assertThat(back.validationLoss()).isEqualTo(0.6);
        assertThat(TrainedModel.load(f).parameters()).as("a checkpoint is also a model file").hasSize(3);
    }

    @Test
    void anOptimizerStateOfFloatsTakesFourBytesAValueThatNeedsMoreKeepsEight() {
        Checkpoint c = checkpoint();
        double[] floats = {3, 0.5, -0.25f};
        double[] step = {(1 << 24) + 1, 0.5, -0.25f}; // a step count past 2^24 is not a float
        Path f4 = dir.resolve("f.ckpt");
        Path f8 = dir.resolve("d.ckpt");
        withOptimizer(c, floats).save(f4);
        withOptimizer(c, step).save(f8);
        assertThat(Checkpoint.load(f4).state().optimizer()).containsExactly(floats);
        assertThat(Checkpoint.load(f8).state().optimizer()).containsExactly(step);
        assertThat(f8.toFile().length() - f4.toFile().length()).as("3 values x 4 more bytes (and the header's type name)")
                .isBetween(12L, 14L);
    }

    private static Checkpoint withOptimizer(Checkpoint c, double[] optimizer) {
        TrainingState s = c.state();
        return new Checkpoint(c.model(), new TrainingState(s.nextEpoch(), s.step(), s.phase(), s.parameters(), s.buffers(),
                optimizer, s.schedule(), s.earlyStopping(), s.bestEpoch(), s.bestValidationLoss()), c.validationLoss());
    }

    @Test
    void aCorruptedOrTruncatedFileIsRefusedWithAClearMessage() throws Exception {
        Path f = dir.resolve("c.ckpt");
        checkpoint().save(f);
        byte[] bytes = Files.readAllBytes(f);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Files.write(f, flipped);
        assertThatThrownBy(() -> Checkpoint.load(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("checksum mismatch, the file is truncated or corrupted");
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 7));
        assertThatThrownBy(() -> Checkpoint.load(f)).hasMessageContaining("checksum mismatch");
        Files.writeString(f, "hello");
        assertThatThrownBy(() -> Checkpoint.load(f)).hasMessageContaining("not a Triage model or checkpoint file");
    }

    @Test
    void aFileOfAnotherFormatVersionIsRefused() throws Exception {
        Path f = dir.resolve("c.ckpt");
        checkpoint().save(f);
        byte[] bytes = Files.readAllBytes(f);
        bytes[TriageFile.MAGIC.length + 2] = 9;
        Files.write(f, bytes);
        assertThatThrownBy(() -> TrainedModel.load(f)).hasMessageContaining("written in file format 9, but this Triage reads format 1");
    }
}
