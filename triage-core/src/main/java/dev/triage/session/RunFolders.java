package dev.triage.session;

import dev.triage.train.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Housekeeping of a run folder that is started again. */
final class RunFolders {
    /** The temporary files of an atomic write ({@code .last.ckpt.12345.tmp}), left behind when a kill interrupted it. */
    private static final Pattern TEMPORARY = Pattern.compile("^\\..+\\.[0-9]+\\.tmp$");

    private RunFolders() {
    }

    /** Deletes temporary files that a killed run left in the folder and its checkpoints; returns how many. */
    static int removeTemporaryFiles(RunFolder folder) {
        return remove(folder.path()) + remove(folder.checkpoints());
    }

    private static int remove(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (TEMPORARY.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + dir + ": " + e.getMessage(), e);
        }
        return n;
    }
}
