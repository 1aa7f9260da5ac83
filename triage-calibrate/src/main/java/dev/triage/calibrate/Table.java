package dev.triage.calibrate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * A small in-memory CSV table of strings (the shared datasets have no quoted fields). Derived data
 * files are written from it, so every fault that lives in the data is a deterministic edit of a copy.
 */
final class Table {
    final String[] header;
    final List<String[]> rows;

    Table(String[] header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** Reads a CSV (or .csv.gz); with {@code maxRows > 0} keeps a random subset of that many rows, in file order. */
    static Table read(Path file, int maxRows, long seed) {
        List<String> lines = new ArrayList<>();
        String head;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            head = r.readLine();
            if (head == null) {
                throw new IllegalArgumentException(file + ": empty file");
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int[] keep = java.util.stream.IntStream.range(0, lines.size()).toArray();
        if (maxRows > 0 && lines.size() > maxRows) {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = keep.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = keep[i];
                keep[i] = keep[j];
                keep[j] = t;
            }
            keep = Arrays.copyOf(keep, maxRows);
            Arrays.sort(keep);
        }
        String[] header = split(head);
        List<String[]> rows = new ArrayList<>(keep.length);
        for (int i : keep) {
            String[] f = split(lines.get(i));
            if (f.length != header.length) {
                throw new IllegalArgumentException(file + ": row " + (i + 2) + " has " + f.length + " fields, the header " + header.length);
            }
            rows.add(f);
        }
        return new Table(header, rows);
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }

    int column(String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name + " in " + String.join(",", header));
    }

    /** Whether every non-empty value of the column parses as a number. */
    boolean numeric(int col) {
        boolean any = false;
        for (String[] r : rows) {
            String v = r[col];
            if (v.isEmpty()) {
                continue;
            }
            if (parse(v) == null) {
                return false;
            }
            any = true;
        }
        return any;
    }

    static Double parse(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    double[] doubles(int col) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            String v = rows.get(i)[col];
            out[i] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }
        return out;
    }

    Table copy() {
        List<String[]> c = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            c.add(r.clone());
        }
        return new Table(header.clone(), c);
    }

    /** A copy with one more column at {@code at}. */
    Table withColumn(int at, String name, String[] values) {
        String[] h = insert(header, at, name);
        List<String[]> c = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            c.add(insert(rows.get(i), at, values[i]));
        }
        return new Table(h, c);
    }

    private static String[] insert(String[] a, int at, String v) {
        String[] out = new String[a.length + 1];
        System.arraycopy(a, 0, out, 0, at);
        out[at] = v;
        System.arraycopy(a, at, out, at + 1, a.length - at);
        return out;
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(String.join(",", header));
                w.write('\n');
                for (String[] r : rows) {
                    w.write(String.join(",", r));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A number as a short decimal token that Triage reads back exactly enough (17 significant digits at most). */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
