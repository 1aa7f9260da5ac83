package dev.triage.probe.foreign;

import dev.triage.config.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A metrics CSV as loggers write it: a header of names, then rows of numbers; an empty cell is
 * "not logged in this row" (NaN, and false in {@code logged}; a logged "nan" is a loss that broke). A last row cut short by a crash is dropped; any other bad cell is an
 * error naming the file, line and column.
 */
record MetricsTable(Path file, List<String> columns, List<double[]> rows, List<boolean[]> logged, boolean truncated) {

    static MetricsTable read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new InvalidInputException(file + ": the file is empty; a metrics CSV starts with a header line such as"
                        + " epoch,loss,val_loss");
            }
            List<String> columns = Arrays.stream(header.replace("\uFEFF", "").split(",", -1))
                    .map(c -> c.trim().replace("\"", "")).toList();
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return parse(file, columns, lines);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + "); check its permissions");
        }
    }

    private static MetricsTable parse(Path file, List<String> columns, List<String> lines) {
        List<double[]> rows = new ArrayList<>();
        List<boolean[]> logged = new ArrayList<>();
        boolean truncated = false;
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            boolean last = i == lines.size() - 1;
            if (cells.length != columns.size()) {
                if (last && cells.length < columns.size()) {
                    truncated = true;
                    break;
                }
                throw new InvalidInputException(file + ":" + (i + 2) + ": " + cells.length + " cells for " + columns.size()
                        + " columns; every row of a metrics CSV has one cell per header column");
            }
            rows.add(numbers(file, i + 2, columns, cells));
            boolean[] present = new boolean[cells.length];
            for (int c = 0; c < cells.length; c++) {
                present[c] = !cells[c].isBlank();
            }
            logged.add(present);
        }
        return new MetricsTable(file, columns, rows, logged, truncated);
    }

    private static double[] numbers(Path file, int line, List<String> columns, String[] cells) {
        double[] out = new double[cells.length];
        for (int c = 0; c < cells.length; c++) {
            String s = cells[c].trim().replace("\"", "");
            if (s.isEmpty()) {
                out[c] = Double.NaN;
                continue;
            }
            try {
                out[c] = Double.parseDouble(s.toLowerCase(Locale.ROOT).equals("nan") ? "NaN" : s.replace("inf", "Infinity"));
            } catch (NumberFormatException e) {
                String shown = s.length() > 40 ? s.substring(0, 37) + "..." : s;
                throw new InvalidInputException(file + ":" + line + ", column '" + columns.get(c) + "': '" + shown
                        + "' is not a number; a metrics CSV holds numbers (or empty cells)");
            }
        }
        return out;
    }

    int index(String column) {
        return columns.indexOf(column);
    }

    /** The first column whose name is one of {@code names}, or -1. */
    int first(String... names) {
        for (String n : names) {
            int i = index(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    boolean hasAccuracy() {
        return columns.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("acc"));
    }
}
