package dev.triage.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.nn.NetworkSpec;
import dev.triage.train.CheckpointWriter;
import dev.triage.train.ConfigResolution;
import dev.triage.train.ModelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory estimate counts the checkpoint snapshots that background writing keeps. */
class MemoryEstimateTest {
    @TempDir
    Path dir;

    private long parameters;

    private long estimate(String checkpoints) throws Exception {
        Path csv = dir.resolve("d.csv");
        if (!Files.exists(csv)) {
            StringBuilder s = new StringBuilder("a,b,y\n");
            for (int i = 0; i < 40; i++) {
                s.append(i).append(',').append(i % 5).append(',').append(2 * i + i % 5).append('\n');
            }
            Files.writeString(csv, s);
        }
        RunConfig cfg = RunConfig.load(null, List.of("data.path=" + csv, "data.target=y", "model.hidden=[200]",
                "output.checkpoints=" + checkpoints), dir);
        PreparedData data = DataPreparation.prepare(cfg.data());
        RunConfig resolved = ConfigResolution.resolve(cfg, data.target());
        NetworkSpec net = ModelBuilder.network(resolved, data.target(), data.preprocessor().width());
        parameters = net.parameterCount();
        return SetupFacts.of(resolved, net, data, 1L << 30).estimatedBytes();
    }

    @Test
    void checkpointSnapshotsOfParametersAndAdamMomentsInDoublesAreCounted() throws Exception {
        long difference = estimate("best_and_last") - estimate("none");
        assertThat(parameters).isGreaterThan(600);
        // parameters and Adam's two moments, 8 bytes each, in every snapshot
        assertThat(difference).isEqualTo((long) CheckpointWriter.SNAPSHOTS * 8 * 3 * parameters);
    }
}
