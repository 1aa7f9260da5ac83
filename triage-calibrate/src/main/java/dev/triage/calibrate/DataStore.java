package dev.triage.calibrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The datasets as the harness trains on them: the shared file itself, or a fixed random subset of a
 * large one written once into the work folder. Tables stay in memory for the faults that edit data.
 */
final class DataStore {
    /** Subsets are drawn with this seed whatever the harness seed, so every rerun trains on the same rows. */
    static final long SUBSET_SEED = 20240611L;

    private final Path datasetsDir;
    private final Path workDir;
    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, Path> paths = new HashMap<>();

    DataStore(Path datasetsDir, Path workDir) {
        this.datasetsDir = datasetsDir;
        this.workDir = workDir;
    }

    /** Loads every dataset up front (single-threaded), so later lookups are read-only. */
    void load(List<Dataset> datasets) {
        for (Dataset d : datasets) {
            Path src = d.source(datasetsDir);
            if (!Files.isRegularFile(src)) {
                throw new IllegalArgumentException(src + ": not found (pass --datasets DIR)");
            }
            Table t = Table.read(src, d.maxRows(), SUBSET_SEED);
            tables.put(d.name(), t);
            if (d.maxRows() > 0 || src.toString().endsWith(".gz")) {
                Path p = workDir.resolve("data").resolve(d.name() + ".csv");
                t.write(p);
                paths.put(d.name(), p);
            } else {
                paths.put(d.name(), src.toAbsolutePath());
            }
        }
    }

    Table table(Dataset d) {
        return tables.get(d.name());
    }

    Path path(Dataset d) {
        return paths.get(d.name());
    }

    Path derived(String runId) {
        return workDir.resolve("derived").resolve(runId + ".csv");
    }
}
