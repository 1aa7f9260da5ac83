package dev.triage.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes checkpoints on a thread of its own, so that training goes on while the bytes reach the disk.
 * The training thread copies the state into a snapshot (arrays reused from an earlier snapshot) and
 * queues it; the writer thread writes each queued checkpoint once, as {@code last.ckpt} with hard links
 * for {@code best.ckpt} and the descriptive name ({@link LinkedFiles}), in the order they came.
 *
 * <p>When epochs end faster than checkpoints can be written, a queued checkpoint that a newer one makes
 * obsolete is dropped (unless every epoch keeps its file): only the newest one and the newest best
 * one wait. At most {@link #MAX_SNAPSHOTS} snapshots exist at once; with {@code every_epoch} the
 * training thread waits when all are in use. {@link #flush} waits until everything queued is on disk
 * and reports a failed write; the run calls it before it ends and before it reads a checkpoint back.
 */
final class CheckpointQueue {
    /** Snapshots alive at once at most: one being written, one waiting, one being filled (SetupFacts counts them). */
    static final int MAX_SNAPSHOTS = 3;
    /** An idle writer thread ends after this long; the next checkpoint starts another. */
    private static final long IDLE_MILLIS = 2_000;

    /**
     * One checkpoint to write as {@code last}, linked as {@code best} when it is the best so far (null
     * otherwise) and under the descriptive name {@code named} gives (null for none; formatted on the
     * writer's thread).
     */
    record Job(Checkpoint checkpoint, Path last, Path best, Supplier<Path> named) {
        boolean isBest() {
            return best != null;
        }
    }

    private final boolean keepEvery;
    private final Consumer<Job> files;
    private final Deque<Job> pending = new ArrayDeque<>();
    private final Deque<TrainingState> free = new ArrayDeque<>();
    private int snapshots;
    private boolean writing;
    private Thread writer;
    private RuntimeException failure;
    /** Writer thread only: the descriptive file of the best checkpoint written before, deleted when a new best is written. */
    private Path previousNamed;

    /** {@code keepEvery}: every checkpoint is written (every_epoch); otherwise obsolete ones may be dropped. */
    CheckpointQueue(boolean keepEvery) {
        this.keepEvery = keepEvery;
        this.files = this::write;
    }

    /** A queue that hands each checkpoint to {@code files} instead of writing it (tests). */
    CheckpointQueue(boolean keepEvery, Consumer<Job> files) {
        this.keepEvery = keepEvery;
        this.files = files;
    }

    /**
     * A snapshot whose arrays the caller may overwrite for a new checkpoint (best or not), or null to
     * allocate new ones. Reclaims a waiting checkpoint that the new one makes obsolete; with every_epoch
     * it waits while all snapshots are in use.
     */
    synchronized TrainingState reusable(boolean best) throws InterruptedException {
        while (true) {
            rethrow();
            if (!free.isEmpty()) {
                return free.pop();
            }
            Job obsolete = keepEvery ? null : pending.stream().filter(j -> best || !j.isBest()).findFirst().orElse(null);
            if (obsolete != null) {
                pending.remove(obsolete);
                return obsolete.checkpoint().state();
            }
            if (snapshots < MAX_SNAPSHOTS) {
                snapshots++;
                return null;
            }
            wait();
        }
    }

    /** Queues a checkpoint for writing (its snapshot belongs to the queue until it is written). */
    synchronized void submit(Job job) {
        rethrow();
        if (!keepEvery) {
            for (Job j : new ArrayList<>(pending)) {
                if (job.isBest() || !j.isBest()) {
                    pending.remove(j);
                    free.push(j.checkpoint().state());
                }
            }
        }
        pending.addLast(job);
        if (writer == null) {
            writer = new Thread(this::writeAll, "triage-checkpoints");
            writer.setDaemon(true);
            writer.start();
        }
        notifyAll();
    }

    /** Waits until every queued checkpoint is on disk; a write that failed is thrown here. */
    synchronized void flush() {
        boolean interrupted = false;
        while (!pending.isEmpty() || writing) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }

    private void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }

    private void writeAll() {
        Job job;
        while ((job = next()) != null) {
            RuntimeException failed = null;
            try {
                files.accept(job);
            } catch (RuntimeException e) {
                failed = e;
            }
            done(job, failed);
        }
    }

    /** The next checkpoint to write, or null when the thread has been idle long enough to end. */
    private synchronized Job next() {
        long deadline = System.currentTimeMillis() + IDLE_MILLIS;
        while (pending.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || failure != null) {
                writer = null;
                return null;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                writer = null;
                return null;
            }
        }
        writing = true;
        return pending.pollFirst();
    }

    private synchronized void done(Job job, RuntimeException failed) {
        writing = false;
        free.push(job.checkpoint().state());
        if (failed != null && failure == null) {
            failure = failed;
            pending.forEach(j -> free.push(j.checkpoint().state()));
            pending.clear();
        }
        notifyAll();
    }

    private void write(Job job) {
        Path named = job.named() == null ? null : job.named().get();
        List<Path> links = new ArrayList<>(2);
        if (job.isBest()) {
            links.add(job.best());
        }
        if (named != null) {
            links.add(named);
        }
        LinkedFiles.write(job.last(), links, job.checkpoint()::writeTo);
        if (job.isBest() && !keepEvery && named != null) {
            if (previousNamed != null && !previousNamed.equals(named)) {
                try {
                    Files.deleteIfExists(previousNamed);
                } catch (IOException ignored) {
                    // an extra old checkpoint is harmless
                }
            }
            previousNamed = named;
        }
    }
}
