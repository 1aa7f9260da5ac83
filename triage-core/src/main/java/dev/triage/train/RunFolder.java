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
 * reports. A second run in the same second gets a {@code -2} suffix; nothing is ever overwritten.
 */
public record RunFolder(Path path) {
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
        if (!Files.isRegularFile(path.resolve("run.yaml"))) {
            throw new InvalidInputException(path + ": not a run folder (it has no run.yaml)");
        }
        return new RunFolder(path);
    }

    public Path config() {
        return path.resolve("run.yaml");
    }

    public Path metrics() {
        return path.resolve("metrics.csv");
    }

    public Path checkpoints() {
        return path.resolve("checkpoints");
    }

    public Path lastCheckpoint() {
        return checkpoints().resolve("last.ckpt");
    }

    public Path bestCheckpoint() {
        return checkpoints().resolve("best.ckpt");
    }

    public Path model() {
        return path.resolve("model.triage");
    }

    /** The run log the doctor writes as the run goes ({@code signals.jsonl}). */
    public Path signals() {
        return path.resolve("signals.jsonl");
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
        return path.resolve("report.json");
    }
}
