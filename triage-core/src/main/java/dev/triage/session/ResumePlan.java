package dev.triage.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.config.CheckpointPolicy;
import dev.triage.config.ConfigBinder;
import dev.triage.config.ConfigCompare;
import dev.triage.config.ConfigNode;
import dev.triage.config.EarlyStoppingConfig;
import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.data.Text;
import dev.triage.train.Checkpoint;
import dev.triage.train.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * What {@code triage train --resume} continues, checked before anything is written: the run folder (the
 * final trial's, for a {@code --repair} session folder), its last checkpoint, its configuration with the
 * epochs to reach, and whether only the outputs are left to write (a kill after the last epoch).
 * Everything that would silently make the continuation a different run is refused with the reason.
 */
record ResumePlan(RunFolder folder, RunFolder session, Checkpoint last, RunConfig config, boolean outputsOnly) {
    /** Keys a resume itself changes; any other difference between run.yaml and the checkpoint is an edit. */
    private static final Set<String> RESUME_KEYS = Set.of("training.epochs", "training.then.epochs");

    static ResumePlan of(Path runDir, int totalEpochs, boolean withoutEarlyStopping) {
        if (Files.isDirectory(runDir) && !Files.exists(new RunFolder(runDir).config()) && !Files.exists(new RunFolder(runDir).checkpoints())) {
            throw new InvalidInputException(Text.printable(runDir.toString(), 300) + ": no checkpoint yet - the run was stopped"
                    + " before it saved anything (not even its run.yaml), so there is nothing to continue; start it again"
                    + " with the command that started it");
        }
        RunFolder session = RunFolder.existing(runDir);
        RunFolder folder = RepairFolders.isSession(session) ? RepairFolders.finalTrial(session) : session;
        RunFolders.removeTemporaryFiles(folder);
        Checkpoint last = lastCheckpoint(folder);
        RunConfig saved = RunConfig.load(folder.config());
        requireUnedited(folder, saved, last);
        last.context().inputs().forEach(f -> f.requireUnchanged(folder.path().toString()));
        int done = last.state().nextEpoch() - 1;
        boolean finished = finishedAt(folder) == done;
        boolean stoppedEarly = stoppedEarly(saved, last);
        if (withoutEarlyStopping) {
            if (saved.training().earlyStopping() == null) {
                throw new InvalidInputException("--no-early-stopping: the run in " + shown(folder) + " has no early stopping;"
                        + " drop the flag");
            }
            saved = saved.with("training.early_stopping", null);
        } else if (stoppedEarly && finished) {
            throw new InvalidInputException("the run in " + shown(folder) + " stopped early at epoch " + done
                    + " (its validation loss had not improved for " + saved.training().earlyStopping().patience()
                    + " epochs), so it would stop again at once; to train on without early stopping: triage train --resume "
                    + shown(session) + " --epochs " + totalEpochs + " --no-early-stopping");
        }
        boolean outputsOnly = !finished && (totalEpochs == done || stoppedEarly && !withoutEarlyStopping);
        if (totalEpochs <= done && !outputsOnly) {
            throw new InvalidInputException("--epochs " + totalEpochs + ": the run in " + shown(folder) + " already has "
                    + done + " epochs; pass a larger total, e.g. --epochs " + (done + 10));
        }
        RunConfig cfg = outputsOnly ? saved : withTotal(saved, totalEpochs, last.state().phase());
        return new ResumePlan(folder, session, last, cfg, outputsOnly);
    }

    private static Checkpoint lastCheckpoint(RunFolder folder) {
        if (Files.exists(folder.lastCheckpoint())) {
            return Checkpoint.load(folder.lastCheckpoint());
        }
        RunConfig saved = RunConfig.load(folder.config());
        if (saved.output().checkpoints() == CheckpointPolicy.NONE) {
            throw new InvalidInputException(shown(folder) + ": the run kept no checkpoints (output.checkpoints: none),"
                    + " so it cannot be resumed; start it again with triage train --config " + shown(folder) + "/run.yaml");
        }
        throw new InvalidInputException(shown(folder) + ": no checkpoint yet - the run stopped before its first epoch"
                + " ended, so there is nothing to continue; start it again with triage train --config " + shown(folder)
                + "/run.yaml");
    }

    /** Refuses a run.yaml whose settings differ from those the checkpoint was trained with. */
    @SuppressWarnings("unchecked")
    private static void requireUnedited(RunFolder folder, RunConfig saved, Checkpoint last) {
        RunConfig trained = ConfigBinder.bind(ConfigNode.fromJava(last.model().config(),
                ConfigNode.Origin.of(folder.lastCheckpoint().toString(), null)));
        String key = ConfigCompare.firstDifference(trained.tree(), saved.tree(), RESUME_KEYS);
        if (key != null) {
            throw new InvalidInputException(shown(folder) + "/run.yaml: " + key + " was changed after the run started ("
                    + Text.printable(String.valueOf(trained.get(key)), 60) + " -> " + Text.printable(String.valueOf(saved.get(key)), 60)
                    + "); a resume continues the same run: put the value back, or train the changed configuration as a new run"
                    + " with triage train --config " + shown(folder) + "/run.yaml");
        }
    }

    private static boolean stoppedEarly(RunConfig saved, Checkpoint last) {
        EarlyStoppingConfig es = saved.training().earlyStopping();
        double[] state = last.state().earlyStopping();
        return es != null && state.length >= 2 && state[1] >= es.patience();
    }

    /** The epochs the run's report.json says it ran, or -1 when the run never got as far as writing it. */
    private static int finishedAt(RunFolder folder) {
        Path report = folder.report();
        if (!Files.isRegularFile(report)) {
            return -1;
        }
        try {
            return new ObjectMapper().readTree(report.toFile()).path("metrics").path("epochs_run").asInt(-1);
        } catch (IOException e) {
            return -1; // cut short by a kill: the run did not finish
        }
    }

    /**
     * The configuration that trains up to {@code total} epochs: the added epochs go to the phase the run
     * is in (the second phase of {@code then:} once it has begun, else the first).
     */
    private static RunConfig withTotal(RunConfig saved, int total, int phase) {
        var then = saved.training().then();
        if (then == null) {
            return saved.with("training.epochs", (long) total);
        }
        if (phase == 1) {
            return saved.with("training.then.epochs", (long) (total - saved.training().epochs()));
        }
        if (total - then.epochs() < 1) {
            throw new InvalidInputException("--epochs " + total + " leaves no epochs for the first phase (the second phase"
                    + " has " + then.epochs() + "); pass more epochs");
        }
        return saved.with("training.epochs", (long) (total - then.epochs()));
    }

    /** Whether the resume continues the final trial of a {@code --repair} session folder. */
    boolean repairSession() {
        return !session.path().equals(folder.path());
    }

    static String shown(RunFolder f) {
        return Text.printable(f.path().toString(), 300);
    }
}
