package dev.triage.report;

import dev.triage.data.Text;
import dev.triage.diagnose.Fmt;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data profile as a text table: one row per column with type, missing values, range, spread and
 * distinct values. With a separate test file, missing values are counted per file (the other figures
 * cover both files).
 */
public final class ColumnTable {
    private static final String[] HEAD = {"column", "type"};
    private static final String[] TAIL = {"min", "median", "max", "mean", "std", "distinct"};

    /** Missing values per file: the files' labels, their row counts, and per column the count in each file. */
    public record PerFile(List<String> labels, long[] rows, Map<String, long[]> missing) {
    }

    private ColumnTable() {
    }

    public static String render(DataSignals d) {
        return render(d, null);
    }

    public static String render(DataSignals d, PerFile perFile) {
        List<String[]> rows = new ArrayList<>();
        rows.add(header(perFile));
        for (ColumnProfile c : d.columns()) {
            rows.add(row(c, perFile));
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(' ');
            for (int i = 0; i < r.length; i++) {
                String cell = i == 0 ? pad(r[i], width[i]) : padLeft(r[i], width[i]);
                sb.append(' ').append(cell);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String[] header(PerFile perFile) {
        List<String> h = new ArrayList<>(List.of(HEAD));
        if (perFile == null) {
            h.add("missing");
        } else {
            perFile.labels().forEach(l -> h.add("missing (" + l + ")"));
        }
        h.addAll(List.of(TAIL));
        return h.toArray(String[]::new);
    }

    private static String[] row(ColumnProfile c, PerFile perFile) {
        List<String> cells = new ArrayList<>();
        cells.add(Text.printable(c.name()) + (c.target() ? " (target)" : ""));
        cells.add(!c.numeric() || c.summary() == null ? "text" : c.integers() ? "integer" : "number");
        if (perFile == null) {
            cells.add(missing(c.nonFinite(), c.count()));
        } else {
            long[] counts = perFile.missing().getOrDefault(c.name(), new long[perFile.rows().length]);
            for (int f = 0; f < counts.length; f++) {
                cells.add(missing(counts[f], perFile.rows()[f]));
            }
        }
        String distinct = c.distinct() + (c.distinctCapped() ? "+" : "");
        var s = c.summary();
        if (!c.numeric() || s == null) {
            cells.addAll(List.of("", "", "", "", "", distinct));
        } else {
            cells.addAll(List.of(Fmt.num(s.min()), Fmt.num(s.median()), Fmt.num(s.max()), Fmt.num(s.mean()), Fmt.num(s.std()), distinct));
        }
        return cells.toArray(String[]::new);
    }

    private static String missing(long n, long of) {
        return n == 0 ? "0" : n + " (" + Fmt.pct(n / (double) Math.max(1, of)) + ")";
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
