package dev.triage.session;

import dev.triage.config.InvalidInputException;
import dev.triage.train.AtomicFiles;
import dev.triage.train.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The folder of a {@code --repair} session: the trials live in {@code trials/trial-N/} (each a run
 * folder with its checkpoints) and {@code trials/final} names the trial the repair ended with.
 */
final class RepairFolders {
    private RepairFolders() {
    }

    static boolean isSession(RunFolder f) {
        return Files.isDirectory(f.trials()) && !Files.isDirectory(f.checkpoints());
    }

    static void markFinal(RunFolder session, RunFolder trial) {
        AtomicFiles.write(session.finalTrialMarker(), trial.path().getFileName() + "\n");
    }

    /** The trial the repair ended with: as marked, else (older folders) the last one whose run.yaml is the session's. */
    static RunFolder finalTrial(RunFolder session) {
        try {
            Path marker = session.finalTrialMarker();
            if (Files.isRegularFile(marker)) {
                String name = Files.readString(marker, StandardCharsets.UTF_8).strip();
                Path trial = session.trials().resolve(name).normalize();
                if (RunFolder.isTrialName(name) && Files.isDirectory(trial)) {
                    return new RunFolder(trial);
                }
            }
            byte[] config = Files.readAllBytes(session.config());
            for (int n = 1000; n >= 0; n--) {
                RunFolder trial = session.trial(n);
                if (Files.isRegularFile(trial.config()) && Arrays.equals(Files.readAllBytes(trial.config()), config)) {
                    return trial;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trials of " + session.path() + ": " + e.getMessage(), e);
        }
        throw new InvalidInputException(ResumePlan.shown(session) + ": a --repair session folder whose final trial cannot be"
                + " told (no trials/final and no trial with its run.yaml); resume a trial folder instead: triage train --resume "
                + ResumePlan.shown(session) + "/trials/trial-N --epochs N");
    }
}
