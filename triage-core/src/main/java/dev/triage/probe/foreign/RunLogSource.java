package dev.triage.probe.foreign;

import java.nio.file.Path;

/**
 * A kind of run log Triage can read. {@code triage diagnose} asks each source in turn whether it
 * recognizes the path and reads it with the first that does.
 */
public interface RunLogSource {
    /** What users call the format ("Keras CSVLogger file"), for messages. */
    String format();

    /** Whether {@code path} (a file or a folder) is in this format; reads at most its first lines. */
    boolean recognizes(Path path);

    /** The run log; bad content is an {@code InvalidInputException} naming the file, line and what was expected. */
    LoadedRun read(Path path);
}
