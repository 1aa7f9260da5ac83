package dev.triage.train;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes one file once and gives it more names in the same folder: the content goes into a temporary
 * file that is fsynced, each further name becomes a hard link to it (renamed over the old file, so a
 * reader sees the old or the new file, never half of one), and the main name comes last. Where the file
 * system has no hard links, the further names are fsynced copies. This is how a checkpoint becomes
 * {@code last.ckpt}, {@code best.ckpt} and its descriptive name with one write.
 */
final class LinkedFiles {
    private LinkedFiles() {
    }

    /** Writes {@code content} to {@code target} and to every path of {@code links}, which must be in the target's folder. */
    static void write(Path target, List<Path> links, AtomicFiles.Content content) {
        Path dir = target.toAbsolutePath().getParent();
        List<Path> temporary = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Path tmp = AtomicFiles.temporaryFile(dir, target);
            temporary.add(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            for (Path link : links) {
                Path named = linkTo(tmp, dir, link);
                temporary.add(named);
                AtomicFiles.move(named, link);
            }
            AtomicFiles.move(tmp, target);
            AtomicFiles.syncDirectory(dir);
        } catch (IOException e) {
            temporary.forEach(AtomicFiles::deleteQuietly);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A temporary second name of {@code file} beside {@code link}: a hard link, or an fsynced copy. */
    private static Path linkTo(Path file, Path dir, Path link) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path name = dir.resolve("." + link.getFileName() + "." + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + ".tmp");
            try {
                return Files.createLink(name, file);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            } catch (UnsupportedOperationException | IOException e) {
                return copy(file, name);
            }
        }
    }

    private static Path copy(Path file, Path name) throws IOException {
        Files.copy(file, name);
        try (FileChannel ch = FileChannel.open(name, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return name;
    }
}
