package dev.triage.data;

import java.util.List;

/** Receives what {@link CsvReader} parses: the header once, then the fields of each data row. */
public interface CsvSink {
    /** The separator the file uses (sniffed or configured), before the header. */
    default void separator(char separator) {
    }

    /** The column names, in file order. */
    void header(List<String> names);

    /**
     * One field of the current row: {@code buf[start, end)}, already trimmed of surrounding spaces
     * and unquoted (a quoted field's doubled quotes are collapsed). Valid only during the call.
     * {@code line} is the physical line the row starts on (1-based).
     */
    void field(int column, byte[] buf, int start, int end, boolean quoted, long line);

    /** The current row is complete; {@code line} is its first physical line (1-based). */
    void endRow(long line);
}
