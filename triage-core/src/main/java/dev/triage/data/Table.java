package dev.triage.data;

import dev.triage.config.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Columns read from a CSV file, all of the same length. */
public record Table(String source, List<Column> columns, int rows) {
    public Table {
        columns = List.copyOf(columns);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The named column; an unknown name is the user's error, reported with the closest column name. */
    public Column column(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new InvalidInputException(source + ": has no column '" + Text.printable(name) + "'"
                    + dev.triage.config.Suggest.hint(name, names()) + " (columns: " + shortList() + ")");
        }
        return columns.get(i);
    }

    /** The same columns restricted to the given rows, in that order. */
    public Table select(int[] rowIndices) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            out.add(c.select(rowIndices));
        }
        return new Table(source, out, rowIndices.length);
    }

    /** The table without the named columns. */
    public Table without(List<String> names) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            if (!names.contains(c.name())) {
                out.add(c);
            }
        }
        return new Table(source, out, rows);
    }

    private String shortList() {
        List<String> names = names();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(8, names.size()); i++) {
            shown.add(Text.printable(names.get(i)));
        }
        return String.join(", ", shown) + (names.size() > 8 ? ", ... " + (names.size() - 8) + " more" : "");
    }
}
