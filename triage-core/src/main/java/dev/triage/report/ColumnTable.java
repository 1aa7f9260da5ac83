package dev.triage.report;

import dev.triage.data.Text;
import dev.triage.diagnose.Fmt;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import java.util.ArrayList;
import java.util.List;

/** The data profile as a text table: one row per column with type, missing values, range, spread and distinct values. */
public final class ColumnTable {
    private static final String[] HEADER = {"column", "type", "missing", "min", "median", "max", "mean", "std", "distinct"};

    private ColumnTable() {
    }

    public static String render(DataSignals d) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ColumnProfile c : d.columns()) {
            rows.add(row(c));
        }
        int[] width = new int[HEADER.length];
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

    private static String[] row(ColumnProfile c) {
        String name = Text.printable(c.name()) + (c.target() ? " (target)" : "");
        String missing = c.nonFinite() == 0 ? "0" : c.nonFinite() + " (" + Fmt.pct(c.nonFinite() / (double) c.count()) + ")";
        String distinct = c.distinct() + (c.distinctCapped() ? "+" : "");
        if (!c.numeric() || c.summary() == null) {
            return new String[] {name, "text", missing, "", "", "", "", "", distinct};
        }
        var s = c.summary();
        return new String[] {name, c.integers() ? "integer" : "number", missing, Fmt.num(s.min()), Fmt.num(s.median()),
            Fmt.num(s.max()), Fmt.num(s.mean()), Fmt.num(s.std()), distinct};
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
