package dev.triage.data;

import dev.triage.config.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The CSV state machine: splits bytes into fields and rows, tracking physical line numbers. */
final class RowParser {
    private static final int END_OF_ROW = -2;
    private static final int END_OF_FILE = -1;

    private final ByteSource src;
    private final byte sep;
    private final String name;
    private byte[] field = new byte[256];
    private int fieldLength;
    private boolean fieldQuoted;
    // the current field is viewBuf[viewStart, viewEnd): a slice of the input buffer or of `field`
    private byte[] viewBuf;
    private int viewStart;
    private int viewEnd;
    private long line = 1;
    private boolean pendingCr;

    RowParser(ByteSource src, byte sep, String name) {
        this.src = src;
        this.sep = sep;
        this.name = name;
    }

    List<String> header() throws IOException {
        List<String> names = new ArrayList<>();
        int end;
        do {
            end = readField();
            names.add(CsvReader.decode(viewBuf, viewStart, viewEnd).strip());
        } while (end == sep);
        return names;
    }

    long dataRows(CsvSink sink, int width) throws IOException {
        long rows = 0;
        while (true) {
            long rowLine = line;
            int column = 0;
            int end;
            do {
                end = readField();
                if (column == 0 && end != sep && viewEnd == viewStart && !fieldQuoted) {
                    break;
                }
                if (column < width) {
                    sink.field(column, viewBuf, viewStart, viewEnd, fieldQuoted, rowLine);
                }
                column++;
            } while (end == sep);
            if (column == 0) {
                if (end == END_OF_FILE) {
                    return rows;
                }
                continue;
            }
            if (column != width) {
                throw new InvalidInputException(name + ":" + rowLine + ": row has " + column + " fields but the header has "
                        + width + "; check the separator and quoting on that line");
            }
            sink.endRow(rowLine);
            rows++;
            if (end == END_OF_FILE) {
                return rows;
            }
        }
    }

    /** Reads one field into the view; returns the separator, END_OF_ROW or END_OF_FILE after it. */
    private int readField() throws IOException {
        fieldQuoted = false;
        if (pendingCr) {
            pendingCr = false;
            if (src.peek() == '\n') {
                src.next();
            }
        }
        byte[] b = src.buf;
        int p = src.pos;
        int lim = src.limit;
        while (p < lim) {
            byte c = b[p];
            if (c == sep || c == '\n' || c == '\r' || c == '"') {
                break;
            }
            p++;
        }
        if (p < lim && b[p] != '"') {
            int start = src.pos;
            int end = p;
            while (start < end && b[start] == ' ') {
                start++;
            }
            while (end > start && (b[end - 1] == ' ' || (b[end - 1] == '\t' && sep != '\t'))) {
                end--;
            }
            viewBuf = b;
            viewStart = start;
            viewEnd = end;
            src.pos = p + 1;
            return b[p] == sep ? sep : lineEnd(b[p]);
        }
        return readFieldSlowly();
    }

    /** The general path: a field that is quoted or crosses the end of the buffer, copied into {@link #field}. */
    private int readFieldSlowly() throws IOException {
        fieldLength = 0;
        viewBuf = field;
        viewStart = 0;
        int b = src.next();
        while (b == ' ' && sep != ' ') {
            b = src.next();
        }
        if (b == '"') {
            int end = readQuoted();
            viewBuf = field;
            viewEnd = fieldLength;
            return end;
        }
        while (true) {
            if (b == sep || b == '\n' || b == '\r' || b == -1) {
                trimTrailing();
                viewBuf = field;
                viewEnd = fieldLength;
                return b == sep ? sep : lineEnd(b);
            }
            append(b);
            b = src.next();
        }
    }

    private int readQuoted() throws IOException {
        fieldQuoted = true;
        long startLine = line;
        while (true) {
            int b = src.next();
            if (b == -1) {
                throw new InvalidInputException(name + ":" + startLine + ": a quoted field is never closed; add the closing '\"'");
            }
            if (b == '"') {
                if (src.peek() == '"') {
                    src.next();
                    append('"');
                    continue;
                }
                return afterQuote();
            }
            if (b == '\n') {
                line++;
            }
            append(b);
        }
    }

    private int afterQuote() throws IOException {
        int b = src.next();
        while (b == ' ' || (b == '\t' && sep != '\t')) {
            b = src.next();
        }
        if (b == sep) {
            return sep;
        }
        if (b == '\n' || b == '\r' || b == -1) {
            return lineEnd(b);
        }
        throw new InvalidInputException(name + ":" + line + ": unexpected '" + (char) b
                + "' after a closing quote; quote the whole field and double any quote inside it");
    }

    /**
     * Handles a line end without reading ahead: the current field may still be a view into the input
     * buffer, which a read-ahead could overwrite. A CR's following LF is skipped by the next read.
     */
    private int lineEnd(int b) {
        if (b == -1) {
            return END_OF_FILE;
        }
        pendingCr = b == '\r';
        line++;
        return END_OF_ROW;
    }

    private void trimTrailing() {
        while (fieldLength > 0 && (field[fieldLength - 1] == ' ' || (field[fieldLength - 1] == '\t' && sep != '\t'))) {
            fieldLength--;
        }
    }

    private void append(int b) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = (byte) b;
    }
}
