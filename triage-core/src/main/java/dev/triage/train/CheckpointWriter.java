package dev.triage.train;

import dev.triage.config.CheckpointPolicy;
import dev.triage.data.Preprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Saves checkpoints after each completed epoch: {@code last.ckpt} always, {@code best.ckpt} and a
 * descriptively named copy ({@code epoch-012_val-loss-0.4123.ckpt}) when the epoch is the best so far.
 * With {@code every_epoch} every epoch keeps its descriptive file. An epoch that broke off at a
 * non-finite loss never completes, so the last checkpoint stays the last finite one. The files are
 * written in the background ({@link CheckpointQueue}); all of them are on disk when the run ends.
 */
public final class CheckpointWriter implements TrainingListener {
    /** Snapshots of the training state (parameters and optimizer state, in doubles) that may exist at once. */
    public static final int SNAPSHOTS = CheckpointQueue.MAX_SNAPSHOTS;
    private final RunFolder folder;
    private final CheckpointPolicy policy;
    private final Preprocessor preprocessor;
    private final Map<String, Object> config;
    private final String version;
    private final List<InputFingerprint> inputs;
    private final CheckpointQueue queue;
    private Trainer trainer;
    private boolean savedOnce;

    public CheckpointWriter(RunFolder folder, CheckpointPolicy policy, Preprocessor pre, Map<String, Object> config,
                            String version, List<InputFingerprint> inputs) {
        this.folder = folder;
        this.policy = policy;
        this.preprocessor = pre;
        this.config = config;
        this.version = version;
        this.inputs = List.copyOf(inputs);
        this.queue = new CheckpointQueue(policy == CheckpointPolicy.EVERY_EPOCH);
    }

    /** The trainer whose state is saved (set before training starts). */
    public void attach(Trainer t) {
        this.trainer = t;
        if (policy != CheckpointPolicy.NONE) {
            t.rollBackTo(() -> {
                queue.flush();
                return Files.exists(folder.lastCheckpoint()) ? Checkpoint.load(folder.lastCheckpoint()).state() : null;
            });
        }
    }

    /**
     * Snapshots the epoch's state on the training thread (a copy into reused arrays) and leaves the
     * writing to the queue's thread: one write per checkpoint, {@code best.ckpt} and the descriptive
     * name are hard links to it.
     */
    @Override
    public void onEpochCommitted(EpochEnded e) {
        if (policy == CheckpointPolicy.NONE || trainer == null) {
            return;
        }
        boolean best = trainer.isBest(e.epoch());
        TrainingState state = trainer.snapshot(e.epoch(), reusable(best));
        TrainedModel model = new TrainedModel(trainer.engine().spec(), trainer.engine().dtype(), preprocessor,
                state.parameters(), state.buffers(), config, version);
        double loss = Double.isNaN(e.validationLoss()) ? e.trainLoss() : e.validationLoss();
        Checkpoint cp = new Checkpoint(model, state, loss, new CheckpointContext(lengths(), inputs));
        boolean every = policy == CheckpointPolicy.EVERY_EPOCH;
        Supplier<Path> named = best || every ? () -> folder.checkpoints().resolve(name(e)) : null;
        queue.submit(new CheckpointQueue.Job(cp, folder.lastCheckpoint(), best ? folder.bestCheckpoint() : null, named));
        if (!savedOnce) { // a run that went past its first epoch always has a checkpoint, even when it is killed at once
            queue.flush();
            savedOnce = true;
        }
    }

    /** Every checkpoint queued is on disk when the run ends (the report and a resume read them). */
    @Override
    public void onRunEnd(RunEnded e) {
        queue.flush();
    }

    /** Waits until every checkpoint queued so far is on disk (a failed write is thrown here). */
    public void flush() {
        queue.flush();
    }

    private TrainingState reusable(boolean best) {
        try {
            return queue.reusable(best);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a checkpoint to be written", ex);
        }
    }

    /** The lengths of the run folder's append-only files, which the listeners before this one have just written. */
    private Map<String, Long> lengths() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Path p : folder.appendOnlyFiles()) {
            try {
                if (Files.exists(p)) {
                    out.put(p.getFileName().toString(), Files.size(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of " + p, e);
            }
        }
        return out;
    }

    /**
     * {@code epoch-012_val-loss-0.4123.ckpt}. Formatted by hand: {@code String.format} took a quarter of a
     * millisecond on the training thread, a tenth of a small network's epoch. The loss is rounded half up
     * from its shortest decimal form, as {@code %.4f} rounds.
     */
    static String name(EpochEnded e) {
        boolean val = !Double.isNaN(e.validationLoss());
        double loss = val ? e.validationLoss() : e.trainLoss();
        String number = Double.isFinite(loss)
                ? BigDecimal.valueOf(loss).setScale(4, RoundingMode.HALF_UP).toPlainString()
                : String.format(Locale.ROOT, "%.4f", loss);
        String epoch = Integer.toString(e.epoch());
        return "epoch-" + "000".substring(Math.min(3, epoch.length())) + epoch + (val ? "_val-loss-" : "_train-loss-")
                + number + ".ckpt";
    }
}
