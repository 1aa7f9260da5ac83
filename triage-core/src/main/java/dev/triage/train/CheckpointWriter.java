package dev.triage.train;

import dev.triage.config.CheckpointPolicy;
import dev.triage.data.Preprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves checkpoints after each completed epoch: {@code last.ckpt} always, {@code best.ckpt} and a
 * descriptively named copy ({@code epoch-012_val-loss-0.4123.ckpt}) when the epoch is the best so far.
 * With {@code every_epoch} every epoch keeps its descriptive file. An epoch that broke off at a
 * non-finite loss never completes, so the last checkpoint stays the last finite one.
 */
public final class CheckpointWriter implements TrainingListener {
    private final RunFolder folder;
    private final CheckpointPolicy policy;
    private final Preprocessor preprocessor;
    private final Map<String, Object> config;
    private final String version;
    private final List<InputFingerprint> inputs;
    private Trainer trainer;
    private Path previousBest;

    public CheckpointWriter(RunFolder folder, CheckpointPolicy policy, Preprocessor pre, Map<String, Object> config,
                            String version, List<InputFingerprint> inputs) {
        this.folder = folder;
        this.policy = policy;
        this.preprocessor = pre;
        this.config = config;
        this.version = version;
        this.inputs = List.copyOf(inputs);
    }

    /** The trainer whose state is saved (set before training starts). */
    public void attach(Trainer t) {
        this.trainer = t;
        if (policy != CheckpointPolicy.NONE) {
            t.rollBackTo(() -> Files.exists(folder.lastCheckpoint()) ? Checkpoint.load(folder.lastCheckpoint()).state() : null);
        }
    }

    @Override
    public void onEpochCommitted(EpochEnded e) {
        if (policy == CheckpointPolicy.NONE || trainer == null) {
            return;
        }
        TrainingState state = trainer.snapshot(e.epoch());
        TrainedModel model = TrainedModel.of(trainer.engine(), preprocessor, config, version);
        double loss = Double.isNaN(e.validationLoss()) ? e.trainLoss() : e.validationLoss();
        Checkpoint cp = new Checkpoint(model, state, loss, new CheckpointContext(lengths(), inputs));
        cp.save(folder.lastCheckpoint());
        Path named = folder.checkpoints().resolve(name(e));
        boolean best = trainer.isBest(e.epoch());
        if (best) {
            cp.save(folder.bestCheckpoint());
        }
        if (policy == CheckpointPolicy.EVERY_EPOCH) {
            cp.save(named);
        } else if (best) {
            cp.save(named);
            deletePrevious(named);
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

    private void deletePrevious(Path named) {
        try {
            if (previousBest != null && !previousBest.equals(named)) {
                Files.deleteIfExists(previousBest);
            }
        } catch (IOException ignored) {
            // an extra old checkpoint is harmless
        }
        previousBest = named;
    }

    static String name(EpochEnded e) {
        boolean val = !Double.isNaN(e.validationLoss());
        return String.format(Locale.ROOT, "epoch-%03d_%s-%.4f.ckpt", e.epoch(), val ? "val-loss" : "train-loss",
                val ? e.validationLoss() : e.trainLoss());
    }
}
