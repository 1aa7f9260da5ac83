package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.train.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints are written by a background thread while training goes on. A network with 2 MB of state
 * on 60 rows spends most of its time writing checkpoints, so a SIGKILL at a random moment lands in a
 * write most of the time; whatever moment it lands on, {@code last.ckpt} and {@code best.ckpt} are
 * complete (they load: magic, header and checksum verified) and no newer than the epochs the run
 * reported, and a resume continues from them.
 */
class KillDuringCheckpointTest {
    static final String CONFIG = """
            data: {path: good.csv, target: y}
            model: {hidden: [512, 256]}
            training: {epochs: 400, learning_rate: 0.001}
            doctor: {enabled: false}
            output: {dir: runs}
            """;

    @TempDir
    Path dir;

    @Test
    void aKillAtAnyMomentOfABackgroundWriteLeavesLoadableCheckpoints() throws Exception {
        Path config = KillCampaign.writeRun(dir, CONFIG);
        Random random = new Random(Long.getLong("triage.killSeed", System.nanoTime()));
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path run = killAfter(config, 3 + random.nextInt(40), random.nextInt(15));
            Path last = run.resolve("checkpoints/last.ckpt");
            if (!Files.exists(last)) {
                seen.add("no checkpoint yet");
                KillCampaign.deleteTree(run);
                continue;
            }
            int epochs = KillCampaign.epochs(run);
            int saved = Checkpoint.load(last).state().nextEpoch() - 1;
            assertThat(saved).as("the checkpoint's epoch against the %d epochs in metrics.csv", epochs).isBetween(1, epochs);
            assertThat(Checkpoint.load(run.resolve("checkpoints/best.ckpt")).state().nextEpoch() - 1).isBetween(1, saved);
            seen.add("epoch " + saved + " of " + epochs + (writing(run) ? " (killed during a write)" : ""));
            CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--epochs", Integer.toString(saved + 2), "-q");
            assertThat(resumed.exit()).as("resume: %s", resumed.err()).isIn(0, 1);
            assertThat(Checkpoint.load(last).state().nextEpoch()).isEqualTo(saved + 3);
            KillCampaign.deleteTree(run);
        }
        System.out.println("kill -9 during checkpoint writes: " + seen);
    }

    /** Starts a run, waits until metrics.csv has {@code epochs} rows and {@code millis} more, then SIGKILLs it. */
    private static Path killAfter(Path config, int epochs, int millis) throws Exception {
        Path runs = config.getParent().resolve("runs");
        Process p = KillCampaign.jvm("-Xmx512m", "train", "--config", config.toString(), "-q")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (p.isAlive() && !reached(runs, epochs)) {
                Thread.sleep(1);
            }
            Thread.sleep(millis);
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        return KillCampaign.onlyRunFolder(runs);
    }

    private static boolean reached(Path runs, int epochs) {
        try {
            List<Path> folders = KillAndResumeTest.files(runs);
            return !folders.isEmpty() && Files.exists(folders.get(0).resolve("metrics.csv"))
                    && KillCampaign.epochs(folders.get(0)) >= epochs;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Whether a checkpoint's temporary file was left behind (the kill landed in a write). */
    private static boolean writing(Path run) throws Exception {
        try (var s = Files.list(run.resolve("checkpoints"))) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
    }
}
