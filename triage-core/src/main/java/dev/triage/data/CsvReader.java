package dev.triage.data;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Separator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A streaming CSV reader over bytes: header row, separator sniffing ({@code ,} {@code ;} tab),
 * quoted fields with doubled quotes, CRLF or LF line ends, a UTF-8 byte-order mark, and gzip
 * ({@code .csv.gz}, recognised by its magic bytes). Rows must have as many fields as the header;
 * any problem is an {@link InvalidInputException} naming the file and line.
 */
public final class CsvReader {
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final String name;
    private final Separator separatorSetting;
    private char separator;

    public CsvReader(Path path, Separator separator) {
        this.path = path;
        this.name = path.toString();
        this.separatorSetting = separator;
    }

    /** The separator used (sniffed or configured); valid after {@link #read}. */
    public char separator() {
        return separator;
    }

    /** Parses the whole file into {@code sink}; returns the number of data rows. */
    public long read(CsvSink sink) {
        return withInput(in -> parse(in, sink));
    }

    /**
     * The number of line ends in the file (after gunzip), counted in one pass that keeps nothing: an
     * upper bound of its rows, known before the file is read into memory.
     */
    public long countLineEnds() {
        return withInput(in -> {
            byte[] b = new byte[BUFFER];
            long lines = 0;
            for (int n; (n = in.read(b)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (b[i] == '\n') {
                        lines++;
                    }
                }
            }
            return lines;
        });
    }

    private interface Reading {
        long from(InputStream in) throws IOException;
    }

    private long withInput(Reading reading) {
        try (InputStream in = open()) {
            return reading.from(in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + ": file not found; check the path (relative paths are relative to the config file)");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(name + ": permission denied; make the file readable");
        } catch (ZipException e) {
            throw new InvalidInputException(name + ": corrupt gzip data (" + e.getMessage() + "); re-create the .gz file");
        } catch (IOException e) {
            if (Files.isDirectory(path)) {
                throw new InvalidInputException(name + ": is a folder, not a CSV file");
            }
            throw new InvalidInputException(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private InputStream open() throws IOException {
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(name + ": is a folder, not a CSV file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(raw, BUFFER);
        }
        return raw;
    }

    private long parse(InputStream in, CsvSink sink) throws IOException {
        ByteSource src = new ByteSource(in);
        src.skipBom();
        byte[] headerLine = src.peekLine();
        if (headerLine == null || isBlank(headerLine)) {
            throw new InvalidInputException(name + ": the file is empty; it needs a header row and data rows");
        }
        separator = separatorSetting == Separator.AUTO ? sniff(headerLine) : separatorSetting.character();
        RowParser rows = new RowParser(src, (byte) separator, name);
        List<String> header = rows.header();
        checkHeader(header);
        sink.separator(separator);
        sink.header(header);
        long count = rows.dataRows(sink, header.size());
        if (count == 0) {
            throw new InvalidInputException(name + ": has a header but no data rows");
        }
        return count;
    }

    private void checkHeader(List<String> header) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.isEmpty()) {
                header.set(i, "column_" + (i + 1));
            } else if (!seen.add(h)) {
                throw new InvalidInputException(name + ":1: column '" + Text.printable(h)
                        + "' appears twice in the header; give each column its own name");
            }
        }
    }

    /** The separator with the most occurrences outside quotes in the header line; comma on a tie. */
    static char sniff(byte[] line) {
        int commas = 0;
        int semis = 0;
        int tabs = 0;
        boolean quoted = false;
        for (byte b : line) {
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (b == ',') {
                    commas++;
                } else if (b == ';') {
                    semis++;
                } else if (b == '\t') {
                    tabs++;
                }
            }
        }
        if (semis > commas && semis >= tabs) {
            return ';';
        }
        return tabs > commas && tabs > semis ? '\t' : ',';
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Reads the header names only (used to validate a test file against the training file). */
    public List<String> readHeader() {
        List<String> names = new ArrayList<>();
        try (InputStream in = open()) {
            ByteSource src = new ByteSource(in);
            src.skipBom();
            byte[] line = src.peekLine();
            if (line == null || isBlank(line)) {
                throw new InvalidInputException(name + ": the file is empty; it needs a header row and data rows");
            }
            separator = separatorSetting == Separator.AUTO ? sniff(line) : separatorSetting.character();
            names.addAll(new RowParser(src, (byte) separator, name).header());
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read (" + e.getMessage() + ")");
        }
        return names;
    }

    static String decode(byte[] buf, int start, int end) {
        return new String(buf, start, end - start, StandardCharsets.UTF_8);
    }
}
