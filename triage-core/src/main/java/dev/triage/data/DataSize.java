package dev.triage.data;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Separator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether training on a data file fits in memory, decided before the file is read: for a file that may
 * be large (its size, times gzip's largest ratio when compressed, could fill the heap), a first pass counts its lines,
 * and rows x columns give the memory the table, its encoding and the engine's copy take at the peak.
 * A file that does not fit is refused with the figures (exit 2) instead of ending in out-of-memory.
 */
public final class DataSize {
    /** Bytes per cell at the peak: the table while it is split into columns (8 + 8), the encoded splits (8+8), the engine's copy (4) and row selections (8). */
    static final long BYTES_PER_CELL = 44;
    /** The cell index of the table reader is an int. */
    static final long MAX_CELLS = Integer.MAX_VALUE - 8;
    /** The most gzip can compress (about 1032:1): a gzip file of n bytes holds at most this many times n bytes of text. */
    static final long GZIP_RATIO = 1032;

    private DataSize() {
    }

    /** Refuses {@code file} when its rows do not fit in {@code heapBytes}; reads nothing when it is small. */
    public static void requireFits(Path file, Separator separator, long heapBytes) {
        long size;
        boolean gzip;
        try {
            if (!Files.isRegularFile(file)) {
                return; // the reader names the problem
            }
            size = Files.size(file);
            gzip = isGzip(file);
        } catch (IOException e) {
            return;
        }
        long maxText = gzip ? size * GZIP_RATIO : size;
        if (maxText * BYTES_PER_CELL <= heapBytes) {
            return; // even one byte per value fits: no need for a first pass
        }
        CsvReader reader = new CsvReader(file, separator);
        long columns = reader.readHeader().size();
        long rows = reader.countLineEnds();
        long cells = rows * columns;
        String figures = String.format(Locale.ROOT, "%,d rows x %,d columns", rows, columns);
        String name = Text.printable(file.toString(), 300);
        if (cells > MAX_CELLS) {
            throw new InvalidInputException(name + ": " + figures + " are " + String.format(Locale.ROOT, "%,d", cells)
                    + " values; a run holds at most " + String.format(Locale.ROOT, "%,d", MAX_CELLS)
                    + ": train on a sample of the rows or drop columns (data.drop_columns)");
        }
        long need = cells * BYTES_PER_CELL;
        if (need > heapBytes) {
            throw new InvalidInputException(name + ": " + figures + " need about " + mb(need) + " MB of memory to train on"
                    + " (the table, its encoding and the engine's copy), but the JVM may use " + mb(heapBytes)
                    + " MB; raise it with TRIAGE_JAVA_OPTS=-Xmx" + Math.max(1, (need * 5 / 4 + (1L << 30) - 1) >> 30)
                    + "g, or train on a sample of the rows (triage check profiles the whole file in bounded memory)");
        }
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
