package dev.triage.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Category codes of the columns that turned out to hold text, kept while a file is read. A column
 * joins when its first text token arrives; the numbers it held before are rendered back as text.
 */
final class TextColumns {
    private final Map<Integer, Codes> byColumn = new HashMap<>();

    /** One text column's codes (-1 = missing) and its levels in order of first appearance. */
    static final class Codes {
        int[] codes = new int[1024];
        int size;
        final Map<String, Integer> dictionary = new HashMap<>();
        final List<String> levels = new ArrayList<>();

        void add(String level) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
            }
            codes[size++] = level == null ? -1 : code(level);
        }

        private int code(String level) {
            Integer c = dictionary.get(level);
            if (c == null) {
                c = levels.size();
                dictionary.put(level, c);
                levels.add(level);
            }
            return c;
        }
    }

    boolean isText(int column) {
        return byColumn.containsKey(column);
    }

    /** Turns a column into text; {@code earlier} holds its values of the rows read so far. */
    void convert(int column, double[] earlier) {
        Codes c = new Codes();
        for (double v : earlier) {
            c.add(Double.isNaN(v) ? null : render(v));
        }
        byColumn.put(column, c);
    }

    void add(int column, String level) {
        byColumn.get(column).add(level);
    }

    void addNumber(int column, double v) {
        add(column, Double.isNaN(v) ? null : render(v));
    }

    Codes codes(int column) {
        return byColumn.get(column);
    }

    /** Writes a number back as text for a column that turned out to be categorical. */
    static String render(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
