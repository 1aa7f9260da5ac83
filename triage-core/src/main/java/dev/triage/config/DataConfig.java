package dev.triage.config;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code data}: where the rows come from and how they are read. Paths are absolute (resolved against
 * the file that named them). {@code classes} and {@code testPath} may be null; the lists are immutable.
 */
public record DataConfig(Path path, String target, Task task, List<String> classes, Separator separator,
                         List<String> missing, Path testPath, List<String> dropColumns, SplitConfig split,
                         PreprocessConfig preprocess) {
    public DataConfig {
        classes = classes == null ? null : List.copyOf(classes);
        missing = List.copyOf(missing);
        dropColumns = List.copyOf(dropColumns);
    }
}
