package dev.triage.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.config.DType;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background checkpoint writer: order, obsolete checkpoints dropped, bounded snapshots, failures, hard links. */
class CheckpointQueueTest {
    @TempDir
    Path dir;

    /** A checkpoint of epoch {@code epoch} (its only parameter is the epoch number). */
    private static Checkpoint of(int epoch, TrainingState reuse) {
        double[] p = reuse != null ? reuse.parameters() : new double[1];
        p[0] = epoch;
        TrainedModel model = new TrainedModel(CheckpointFileTest.checkpoint().model().network(), DType.FLOAT32,
                CheckpointFileTest.checkpoint().model().preprocessor(), new double[] {epoch, 0, 0}, new double[0], java.util.Map.of(), "t");
        return new Checkpoint(model, new TrainingState(epoch + 1, epoch, 0, p, new double[0], new double[] {1, 0.5f},
                new double[0], new double[0], epoch, 1.0 / epoch), 1.0 / epoch);
    }

    private CheckpointQueue.Job job(int epoch, boolean best, TrainingState reuse) {
        Path named = dir.resolve("epoch-" + epoch + ".ckpt");
        return new CheckpointQueue.Job(of(epoch, reuse), dir.resolve("last.ckpt"), best ? dir.resolve("best.ckpt") : null,
                best ? () -> named : null);
    }

    /** A writer that records the epochs it wrote and blocks on the first until released. */
    private static final class Gate implements java.util.function.Consumer<CheckpointQueue.Job> {
        final List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void accept(CheckpointQueue.Job j) {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(j.checkpoint().state().nextEpoch() - 1);
        }
    }

    @Test
    void checkpointsThatANewerOneMakesObsoleteAreDroppedWhileTheWriterIsBusy() throws Exception {
        Gate gate = new Gate();
        CheckpointQueue q = new CheckpointQueue(false, gate);
        q.submit(job(1, true, q.reusable(true)));
        assertThat(gate.started.await(10, TimeUnit.SECONDS)).isTrue();
        int allocated = 1;
        for (int epoch = 2; epoch <= 9; epoch++) {
            boolean best = epoch == 4; // the newest best (4) must survive until written; 9 is the newest
            TrainingState reuse = q.reusable(best);
            allocated += reuse == null ? 1 : 0;
            q.submit(job(epoch, best, reuse));
        }
        assertThat(allocated).as("snapshots allocated").isLessThanOrEqualTo(CheckpointQueue.MAX_SNAPSHOTS);
        gate.release.countDown();
        q.flush();
        assertThat(gate.written).containsExactly(1, 4, 9);
    }

    @Test
    void everyEpochWritesEveryCheckpointAndTheTrainerWaitsForAFreeSnapshot() throws Exception {
        Gate gate = new Gate();
        CheckpointQueue q = new CheckpointQueue(true, gate);
        Thread trainer = new Thread(() -> {
            try {
                for (int epoch = 1; epoch <= 6; epoch++) {
                    q.submit(job(epoch, false, q.reusable(false)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        trainer.start();
        assertThat(gate.started.await(10, TimeUnit.SECONDS)).isTrue();
        trainer.join(300);
        assertThat(trainer.isAlive()).as("the trainer waits while every snapshot is in use").isTrue();
        gate.release.countDown();
        trainer.join(10_000);
        q.flush();
        assertThat(gate.written).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aFailedWriteIsThrownByTheNextFlushAndTheNextSubmit() throws Exception {
        CheckpointQueue q = new CheckpointQueue(false, j -> {
            throw new UncheckedIOException(new java.io.IOException("disk full"));
        });
        q.submit(job(1, false, q.reusable(false)));
        assertThatThrownBy(q::flush).hasMessageContaining("disk full");
        assertThatThrownBy(() -> q.submit(job(2, false, null))).hasMessageContaining("disk full");
    }

    @Test
    void oneWriteGivesLastBestAndTheNamedFileAsLinksAndTheOldNamedBestGoes() throws Exception {
        CheckpointQueue q = new CheckpointQueue(false);
        q.submit(job(1, true, q.reusable(true)));
        q.flush();
        q.submit(job(2, true, q.reusable(true)));
        q.flush();
        q.submit(job(3, false, q.reusable(false)));
        q.flush();
        assertThat(Checkpoint.load(dir.resolve("last.ckpt")).state().nextEpoch()).isEqualTo(4);
        assertThat(Checkpoint.load(dir.resolve("best.ckpt")).state().nextEpoch()).isEqualTo(3);
        assertThat(Files.isSameFile(dir.resolve("best.ckpt"), dir.resolve("epoch-2.ckpt"))).isTrue();
        assertThat(dir.resolve("epoch-1.ckpt")).doesNotExist();
        assertThat(Files.getAttribute(dir.resolve("best.ckpt"), "unix:nlink")).as("one file, two names").isEqualTo(2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("last.ckpt", "best.ckpt", "epoch-2.ckpt");
        }
    }

    @Test
    void descriptiveNamesAreThoseOfTheFormatter() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        List<Double> losses = new ArrayList<>(List.of(0.12345, 0.00005, 0.99995, 2.5e-5, 1e10 / 3, 0.0, 7.0, 123.45675));
        for (int i = 0; i < 2000; i++) {
            losses.add(Math.pow(10, r.nextDouble(-6, 6)) * r.nextDouble());
        }
        for (int epoch : new int[] {1, 12, 123, 1234}) {
            for (double loss : losses) {
                EpochEnded val = new EpochEnded(epoch, 1, 0.1, 1.0, loss, "rmse", 1, 1, 1, 0);
                EpochEnded train = new EpochEnded(epoch, 1, 0.1, loss, Double.NaN, "rmse", Double.NaN, 1, 1, 0);
                assertThat(CheckpointWriter.name(val)).isEqualTo(String.format(java.util.Locale.ROOT,
                        "epoch-%03d_val-loss-%.4f.ckpt", epoch, loss));
                assertThat(CheckpointWriter.name(train)).isEqualTo(String.format(java.util.Locale.ROOT,
                        "epoch-%03d_train-loss-%.4f.ckpt", epoch, loss));
            }
        }
    }
}
