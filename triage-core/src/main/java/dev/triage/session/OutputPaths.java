package dev.triage.session;

import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.data.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An output never replaces one of the command's inputs: compared as the files they are (through
 * symbolic links, relative paths and hard links), not as the strings that name them.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Refuses {@code out} (given as {@code flag}) when it is the same file as one of {@code inputs} (null entries skipped). */
    static void requireNotInput(Path out, String flag, Path... inputs) {
        if (out == null || !Files.exists(out)) {
            return; // a file that does not exist yet is no input
        }
        for (Path in : inputs) {
            if (in != null && same(out, in)) {
                throw new InvalidInputException(flag + " " + Text.printable(out.toString(), 300) + ": is the input "
                        + Text.printable(in.toString(), 300) + "; choose another path (inputs are never overwritten)");
            }
        }
    }

    /** The files a run reads: its data, its test file and its configuration file. */
    static Path[] inputsOf(RunConfig cfg) {
        List<Path> in = new ArrayList<>(List.of(cfg.data().path()));
        if (cfg.data().testPath() != null) {
            in.add(cfg.data().testPath());
        }
        String source = cfg.source() == null ? "" : cfg.source().replace(" (changed)", "");
        try {
            Path file = Path.of(source);
            if (!source.isEmpty() && Files.isRegularFile(file)) {
                in.add(file);
            }
        } catch (java.nio.file.InvalidPathException e) {
            // "command line": no configuration file
        }
        return in.toArray(Path[]::new);
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
