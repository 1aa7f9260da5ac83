package dev.triage.train;

import dev.triage.config.InvalidInputException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.time.format.DateTimeFormatter;

/**
 * A run's folder: {@code <output.dir>/<name>-<yyyyMMdd-HHmmss>/} holding {@code run.yaml} (the fully
 * resolved configuration), {@code metrics.csv}, {@code checkpoints/}, {@code model.triage} and the
 * reports. A second run in the same second gets a {@code -2} suffix; nothing is ever overwritten. The
 * names of the files in a run folder are defined here and nowhere else; a {@code --repair} session's
 * folder holds its trials as run folders of their own under {@code trials/trial-N/}.
 */
public record RunFolder(Path path) {
    /** The resolved configuration. */
    public static final String CONFIG = "run.yaml";
    /** One row per epoch. */
    public static final String METRICS = "metrics.csv";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String LAST_CHECKPOINT = "last.ckpt";
    public static final String BEST_CHECKPOINT = "best.ckpt";
    public static final String MODEL = "model.triage";
    /** The run log the doctor writes as the run goes (also what the probes of other frameworks write). */
    public static final String SIGNALS = "signals.jsonl";
    /** The run log of older run folders, already in the shape the charts read. */
    public static final String OLD_SIGNALS = "signals.json";
    public static final String REPORT = "report.json";
    public static final String REPORT_HTML = "report.html";
    public static final String LR_FIND_CSV = "lr_find.csv";
    public static final String LR_FIND_HTML = "lr_find.html";
    /** A {@code --repair} session's trials, each a run folder. */
    public static final String TRIALS = "trials";
    /** In {@code trials/}: names the trial the repair ended with. */
    public static final String FINAL_TRIAL = "final";
    private static final String TRIAL = "trial-";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public static RunFolder create(Path parent, String name, LocalDateTime now) {
        String base = name + "-" + STAMP.format(now);
        try {
            Files.createDirectories(parent);
            for (int i = 1; i < 1000; i++) {
                Path p = parent.resolve(i == 1 ? base : base + "-" + i);
                try {
                    Files.createDirectory(p);
                    return new RunFolder(p);
                } catch (FileAlreadyExistsException e) {
                    // taken: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(parent + ": cannot create the run folder (" + e.getMessage()
                    + "); set output.dir to a writable folder");
        }
        throw new InvalidInputException(parent + ": too many runs named " + base + "; set output.name");
    }

    /** An existing run folder (for --resume and report). */
    public static RunFolder existing(Path path) {
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException(path + ": not a run folder (no such directory)");
        }
        if (!Files.isRegularFile(path.resolve(CONFIG))) {
            throw new InvalidInputException(path + ": not a run folder (it has no run.yaml)");
        }
        return new RunFolder(path);
    }

    public Path config() {
        return path.resolve(CONFIG);
    }

    public Path metrics() {
        return path.resolve(METRICS);
    }

    public Path checkpoints() {
        return path.resolve(CHECKPOINTS);
    }

    public Path lastCheckpoint() {
        return checkpoints().resolve(LAST_CHECKPOINT);
    }

    public Path bestCheckpoint() {
        return checkpoints().resolve(BEST_CHECKPOINT);
    }

    public Path model() {
        return path.resolve(MODEL);
    }

    /** The run log the doctor writes as the run goes ({@code signals.jsonl}). */
    public Path signals() {
        return path.resolve(SIGNALS);
    }

    /**
     * Files that grow by one row per epoch and whose length a checkpoint records, so that a resume cuts
     * off what a killed run appended after it. (The run log holds timings, so its length is not part of
     * a checkpoint, which is identical whether or not the run was interrupted; a resume reads it by step.)
     */
    public List<Path> appendOnlyFiles() {
        return List.of(metrics());
    }

    public Path report() {
        return path.resolve(REPORT);
    }

    /** The run log of older run folders ({@value #OLD_SIGNALS}). */
    public Path oldSignals() {
        return path.resolve(OLD_SIGNALS);
    }

    public Path reportHtml() {
        return path.resolve(REPORT_HTML);
    }

    /** The learning-rate range test's curve ({@code triage lr-find}). */
    public Path lrFindCsv() {
        return path.resolve(LR_FIND_CSV);
    }

    public Path lrFindHtml() {
        return path.resolve(LR_FIND_HTML);
    }

    /** A {@code --repair} session's folder of trials. */
    public Path trials() {
        return path.resolve(TRIALS);
    }

    /** Trial {@code n} of a {@code --repair} session (0: the original run). */
    public RunFolder trial(int n) {
        return new RunFolder(trials().resolve(TRIAL + n));
    }

    /** The marker naming the trial a {@code --repair} session ended with. */
    public Path finalTrialMarker() {
        return trials().resolve(FINAL_TRIAL);
    }

    /** Whether a folder name is that of a repair trial ({@code trial-N}). */
    public static boolean isTrialName(String name) {
        return name.matches(TRIAL + "[0-9]+");
    }

    /** Whether this folder is a trial inside a session's {@code trials/} folder. */
    public boolean isTrial() {
        Path abs = path.toAbsolutePath().normalize();
        return abs.getFileName() != null && isTrialName(abs.getFileName().toString()) && abs.getParent() != null
                && abs.getParent().getParent() != null && TRIALS.equals(String.valueOf(abs.getParent().getFileName()));
    }
}
