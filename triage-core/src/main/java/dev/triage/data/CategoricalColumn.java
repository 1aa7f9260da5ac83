package dev.triage.data;

import java.util.List;

/** A text column: each row holds an index into {@code levels}, or -1 when missing. */
public record CategoricalColumn(String name, int[] codes, List<String> levels) implements Column {
    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int i) {
        return codes[i] < 0;
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name, out, levels);
    }

    /** The text of row {@code i}, or null when missing. */
    public String valueAt(int i) {
        return codes[i] < 0 ? null : levels.get(codes[i]);
    }
}
