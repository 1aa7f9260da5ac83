package dev.triage.report;

import dev.triage.train.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file the user named as an output ({@code --json FILE}, {@code predict --out FILE}). {@code -}
 * means standard output. A special file (a terminal, {@code /dev/stdout}, a named pipe) is written
 * to, never replaced; a symbolic link keeps pointing where it did and its target receives the content.
 * Regular files are written atomically.
 */
public final class OutputFile {
    /** The name that stands for standard output. */
    public static final String STDOUT = "-";

    private OutputFile() {
    }

    public static boolean isStdout(Path p) {
        return p != null && STDOUT.equals(p.toString());
    }

    public static void write(Path target, String text) {
        write(target, text, System.out);
    }

    /** As {@link #write(Path, String)}, with {@code stdout} for {@code -}. */
    public static void write(Path target, String text, PrintStream stdout) {
        if (isStdout(target)) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        Path real = followLinks(target);
        if (Files.exists(real) && !Files.isRegularFile(real)) {
            if (Files.isDirectory(real)) {
                throw new UncheckedIOException(new IOException(target + " is a folder; name a file to write"));
            }
            try {
                Files.write(real, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
            return;
        }
        AtomicFiles.write(real, text);
    }

    /** Where a chain of symbolic links ends (which may not exist yet); the path itself when it is not a link. */
    static Path followLinks(Path p) {
        Path cur = p.toAbsolutePath();
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(cur); hops++) {
            try {
                cur = cur.getParent().resolve(Files.readSymbolicLink(cur)).normalize();
            } catch (IOException e) {
                return cur;
            }
        }
        return cur;
    }
}
