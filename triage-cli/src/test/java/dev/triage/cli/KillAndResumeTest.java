package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a training process (a child JVM running the command line) with SIGKILL at random epochs, resumes
 * the run, and checks that it ends byte for byte where the uninterrupted run ends: the model, every
 * metrics row, the checkpoints and the doctor's signals. The configuration has all the state a resume
 * must carry: batch norm, dropout, reduce-on-plateau, early stopping without restore_best, and a second
 * L-BFGS phase in which early stopping fires. {@code -Dtriage.killRuns=N} runs a longer campaign. Then
 * the same with Ctrl-C (SIGINT): once (a graceful stop, exit 130, report and summary) and twice (exit at once).
 */
class KillAndResumeTest {
    static final int TOTAL_EPOCHS = 260;
    static final int PATIENCE = 8;
    static final String CONFIG = """
            data: {path: good.csv, target: y}
            model: {hidden: [8], batch_norm: true, dropout: 0.1}
            training:
              epochs: 60
              learning_rate: 0.01
              schedule: {type: reduce_on_plateau, patience: 3, gamma: 0.5}
              early_stopping: {patience: %d, restore_best: false}
              then: {optimizer: lbfgs, epochs: 200, learning_rate: 0.5}
            output: {dir: runs}
            """.formatted(PATIENCE);

    /** Epochs before the run's natural end that a Ctrl-C may be aimed at, at the latest. */
    private static final int INTERRUPT_MARGIN = 5;

    @TempDir
    Path dir;

    @Test
    void aRunKilledAtRandomEpochsResumesToTheSameBytes() throws Exception {
        Path config = KillCampaign.writeRun(dir, CONFIG);
        CliRun straight = CliRun.of("train", "--config", config.toString(), "-q");
        assertThat(straight.exit()).as(straight.err()).isZero();
        Path reference = KillCampaign.onlyRunFolder(dir.resolve("runs"));
        int epochs = KillCampaign.epochs(reference);
        assertThat(epochs).as("early stopping fires in the L-BFGS phase").isBetween(61, TOTAL_EPOCHS - 1);
        Files.move(reference, dir.resolve("reference"));
        reference = dir.resolve("reference");

        int runs = Integer.getInteger("triage.killRuns", 3);
        Random random = new Random(Long.getLong("triage.killSeed", System.nanoTime()));
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            outcomes.add(KillCampaign.killAndResume(config, killPoint(i, epochs, random), TOTAL_EPOCHS, reference, straight.exit()));
        }
        // A Ctrl-C lets the current epoch finish; aimed at the last epochs it could land in the epoch where early
        // stopping ends the run anyway (a finished run, nothing to resume), so it aims a few epochs before.
        int lastAim = epochs - INTERRUPT_MARGIN;
        outcomes.add(KillCampaign.interruptAndResume(config, 1 + random.nextInt(lastAim), TOTAL_EPOCHS, reference, 1, straight.exit()));
        outcomes.add(KillCampaign.interruptAndResume(config, 1 + random.nextInt(lastAim), TOTAL_EPOCHS, reference, 2, straight.exit()));
        System.out.printf(Locale.ROOT, "kill -9 campaign: %d runs: %s%n", runs, outcomes);
    }

    /**
     * Where the i-th kill aims: before the first checkpoint; then while early stopping is counting epochs
     * without improvement (the run stopped at {@code epochs}, so the last improvement came PATIENCE epochs
     * before); then anywhere.
     */
    static int killPoint(int i, int epochs, Random random) {
        return switch (i % 3) {
            case 0 -> i == 0 ? 0 : 1 + random.nextInt(epochs);
            case 1 -> epochs - 1 - random.nextInt(PATIENCE - 1);
            default -> 1 + random.nextInt(epochs);
        };
    }

    /** A run folder with its configuration but no checkpoint (a kill during the first epoch). */
    @Test
    void aKillBeforeTheFirstCheckpointSaysThereIsNoCheckpointYet() throws Exception {
        Path config = KillCampaign.writeRun(dir, CONFIG);
        Path run = Files.createDirectories(dir.resolve("runs/run-20260101-000000/checkpoints")).getParent();
        Files.copy(config, run.resolve("run.yaml"));
        CliRun none = CliRun.of("train", "--resume", run.toString(), "--epochs", "10");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no checkpoint yet").doesNotContain("output.checkpoints: none");
        assertThat(none.err().lines().count()).isEqualTo(1);
        Files.delete(run.resolve("run.yaml"));
        Files.delete(run.resolve("checkpoints"));
        assertThat(CliRun.of("train", "--resume", run.toString(), "--epochs", "10").err()).contains("no checkpoint yet");
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
