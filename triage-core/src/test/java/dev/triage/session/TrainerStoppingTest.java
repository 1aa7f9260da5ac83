package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.RunConfig;
import dev.triage.train.Checkpoint;
import dev.triage.train.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Early stopping and restore_best through the trainer, the checkpoint policies, and an L-BFGS second phase. */
class TrainerStoppingTest {
    @TempDir
    Path dir;

    /** 80 rows of y = x1 + x2/2 + noise: a wide network overfits them within a few epochs. */
    private Path train(String... sets) throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 80; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            csv.append(x1).append(',').append(x2).append(',').append(r.nextGaussian()).append(',').append(x1 + 0.5 * x2
                    + r.nextGaussian()).append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), csv);
        List<String> all = new ArrayList<>(List.of("data.path=" + dir.resolve("d.csv"), "data.target=y", "output.dir=" + dir.resolve("runs"),
                "doctor.enabled=false"));
        all.addAll(List.of(sets));
        SessionResult result = TrainSession.train(RunConfig.load(null, all, dir), SessionOptions.quiet());
        return Path.of(result.report().runDir());
    }

    /** metrics.csv without its header: epoch, step, learning_rate, train_loss, val_loss, val_rmse. */
    private static List<double[]> metrics(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.csv")).stream().skip(1)
                .map(l -> Stream.of(l.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
    }

    private static int bestEpoch(List<double[]> rows) {
        int best = 0;
        for (int i = 1; i < rows.size(); i++) {
            best = rows.get(i)[4] < rows.get(best)[4] ? i : best;
        }
        return (int) rows.get(best)[0];
    }

    private static double[] parameters(Path checkpoint) {
        return Checkpoint.load(checkpoint).model().parameters();
    }

    @Test
    void earlyStoppingEndsThePatienceAfterTheBestEpochAndRestoresIt() throws Exception {
        Path run = train("model.hidden=[64, 64]", "training.epochs=60", "training.learning_rate=0.01",
                "training.early_stopping={patience: 5, restore_best: true}");
        List<double[]> rows = metrics(run);
        assertThat(rows.size()).as("epochs run of 60").isEqualTo(bestEpoch(rows) + 5).isLessThan(60);
        assertThat(Files.readString(run.resolve("report.json"))).contains("\"stop_reason\" : \"early_stopping\"");
        double[] model = TrainedModel.load(run.resolve("model.triage")).parameters();
        assertThat(model).isEqualTo(parameters(run.resolve("checkpoints/best.ckpt")));
        assertThat(model).isNotEqualTo(parameters(run.resolve("checkpoints/last.ckpt")));
    }

    @Test
    void withRestoreBestOffTheModelIsTheLastEpochs() throws Exception {
        Path run = train("model.hidden=[64, 64]", "training.epochs=60", "training.learning_rate=0.01",
                "training.early_stopping={patience: 5, restore_best: false}");
        List<double[]> rows = metrics(run);
        assertThat(rows.size()).isEqualTo(bestEpoch(rows) + 5);
        assertThat(TrainedModel.load(run.resolve("model.triage")).parameters()).isEqualTo(parameters(run.resolve("checkpoints/last.ckpt")))
                .isNotEqualTo(parameters(run.resolve("checkpoints/best.ckpt")));
    }

    @Test
    void everyEpochKeepsOneCheckpointPerEpochAndAnLbfgsPhaseFollows() throws Exception {
        Path run = train("model.hidden=[16]", "training.epochs=4", "training.then={optimizer: lbfgs, epochs: 3, learning_rate: 1.0}",
                "output.checkpoints=every_epoch");
        List<double[]> rows = metrics(run);
        assertThat(rows).extracting(r -> r[0]).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
        assertThat(rows).extracting(r -> r[1]).as("2 minibatch steps per epoch, then one full-batch step")
                .containsExactly(2.0, 4.0, 6.0, 8.0, 9.0, 10.0, 11.0);
        assertThat(rows).extracting(r -> r[2]).containsExactly(0.001, 0.001, 0.001, 0.001, 1.0, 1.0, 1.0);
        assertThat(rows.get(6)[3]).as("L-BFGS lowers the training loss").isLessThan(rows.get(3)[3]);
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("epoch-")).map(n -> n.substring(0, 9)))
                    .containsExactlyInAnyOrder("epoch-001", "epoch-002", "epoch-003", "epoch-004", "epoch-005", "epoch-006",
                            "epoch-007");
        }
        String[] lastName = {String.format(java.util.Locale.ROOT, "epoch-007_val-loss-%.4f.ckpt", rows.get(6)[4])};
        assertThat(parameters(run.resolve("checkpoints/" + lastName[0]))).isEqualTo(parameters(run.resolve("checkpoints/last.ckpt")));
    }

    @Test
    void checkpointsNoneWritesNoneButTheModel() throws Exception {
        Path run = train("model.hidden=[16]", "training.epochs=3", "output.checkpoints=none");
        assertThat(run.resolve("checkpoints")).doesNotExist();
        assertThat(metrics(run)).hasSize(3);
        assertThat(run.resolve("model.triage")).isRegularFile();
    }
}
