package dev.triage.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that grows by whole records: each record goes to the file in one write and is forced to disk,
 * so a kill leaves the file ending at a record boundary (at worst a crash of the machine leaves a cut
 * last record, which {@link #truncate} removes on resume, since a checkpoint records how long the file
 * was). Growing a file costs the size of the record, not of the file.
 */
public final class AppendOnlyFile implements AutoCloseable {
    private final Path file;
    private final boolean force;
    private FileChannel channel;

    /** {@code force}: each record is forced to disk as it is written (survives a crash of the machine, not only a kill). */
    public AppendOnlyFile(Path file, boolean force) {
        this.file = file;
        this.force = force;
    }

    public Path path() {
        return file;
    }

    /** Whether the file exists and holds at least one byte. */
    public boolean hasContent() {
        try {
            return Files.exists(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    /** Cuts the file to {@code length} bytes (what a checkpoint recorded); a shorter file is left as it is. */
    public void truncate(long length) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (ch.size() > length) {
                ch.truncate(length);
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut " + file + " back to its checkpointed length: " + e.getMessage(), e);
        }
    }

    /** Starts the file afresh (a new run): empty and created with the user's umask. */
    public void reset() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code text} in one write (and forces it to disk when asked to). */
    public void append(String text) {
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // every record was forced to disk when it was written
            }
            channel = null;
        }
    }
}
