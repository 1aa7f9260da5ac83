package dev.triage.train;

import dev.triage.config.CheckpointPolicy;
import dev.triage.data.Preprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
    private Trainer trainer;
    private Path previousBest;

    public CheckpointWriter(RunFolder folder, CheckpointPolicy policy, Preprocessor pre, Map<String, Object> config,
                            String version) {
        this.folder = folder;
        this.policy = policy;
        this.preprocessor = pre;
        this.config = config;
        this.version = version;
    }

    /** The trainer whose state is saved (set before training starts). */
    public void attach(Trainer t) {
        this.trainer = t;
    }

    @Override
    public void onEpochEnd(EpochEnded e) {
        if (policy == CheckpointPolicy.NONE || trainer == null) {
            return;
        }
        TrainingState state = trainer.snapshot(e.epoch());
        TrainedModel model = TrainedModel.of(trainer.engine(), preprocessor, config, version);
        double loss = Double.isNaN(e.validationLoss()) ? e.trainLoss() : e.validationLoss();
        Checkpoint cp = new Checkpoint(model, state, loss);
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
