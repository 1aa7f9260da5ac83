package dev.triage.data;

import dev.triage.config.Separator;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One streaming pass over a CSV file with memory bounded by its columns, not its rows: per column the
 * count of numbers, missing and infinite values, text tokens, min, max, mean and variance (Welford),
 * whether every number is an integer, and distinct values up to a cap. Used when a file is too large
 * to profile from memory; quantiles then come from a row sample.
 */
public final class StreamingStats implements CsvSink {
    /** Distinct values are counted exactly up to this many per column. */
    public static final int DISTINCT_CAP = 10_000;

    /** Exact figures of one column. */
    public record Column(String name, long numbers, long missing, long infinite, long text, double min, double max,
                         double mean, double std, boolean integers, long distinct, boolean distinctCapped) {
    }

    private final MissingTokens missing;
    private List<String> names;
    private long[] numbers;
    private long[] missingCounts;
    private long[] infinite;
    private long[] text;
    private double[] min;
    private double[] max;
    private double[] mean;
    private double[] m2;
    private boolean[] nonInteger;
    private List<Set<Double>> distinct;
    private long rows;

    private StreamingStats(List<String> missingTokens) {
        this.missing = new MissingTokens(missingTokens);
    }

    public static StreamingStats read(Path path, Separator separator, List<String> missingTokens) {
        StreamingStats s = new StreamingStats(missingTokens);
        new CsvReader(path, separator).read(s);
        return s;
    }

    /** Whether numbers may be written with a decimal comma: in files not separated by commas. */
    private boolean decimalComma;

    @Override
    public void separator(char separator) {
        decimalComma = separator != ',';
    }

    @Override
    public void header(List<String> header) {
        names = List.copyOf(header);
        int w = names.size();
        numbers = new long[w];
        missingCounts = new long[w];
        infinite = new long[w];
        text = new long[w];
        min = new double[w];
        max = new double[w];
        mean = new double[w];
        m2 = new double[w];
        nonInteger = new boolean[w];
        distinct = new java.util.ArrayList<>(w);
        for (int i = 0; i < w; i++) {
            min[i] = Double.POSITIVE_INFINITY;
            max[i] = Double.NEGATIVE_INFINITY;
            distinct.add(new HashSet<>());
        }
    }

    @Override
    public void field(int c, byte[] buf, int start, int end, boolean quoted, long line) {
        if (missing.matches(buf, start, end)) {
            missingCounts[c]++;
            return;
        }
        double v = NumberParser.parse(buf, start, end);
        if (decimalComma && NumberParser.isNotNumber(v)) {
            v = NumberParser.parseDecimalComma(buf, start, end);
        }
        if (NumberParser.isNotNumber(v)) {
            text[c]++;
            return;
        }
        if (!Double.isFinite(v)) {
            if (Double.isNaN(v)) {
                missingCounts[c]++;
            } else {
                infinite[c]++;
            }
            return;
        }
        long n = ++numbers[c];
        double d = v - mean[c];
        mean[c] += d / n;
        m2[c] += d * (v - mean[c]);
        min[c] = Math.min(min[c], v);
        max[c] = Math.max(max[c], v);
        nonInteger[c] |= v != Math.rint(v);
        Set<Double> seen = distinct.get(c);
        if (seen.size() <= DISTINCT_CAP) {
            seen.add(v);
        }
    }

    @Override
    public void endRow(long line) {
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** The figures of a column by name, or null when there is no such column. */
    public Column column(String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            return null;
        }
        long n = numbers[c];
        double std = n > 0 ? Math.sqrt(m2[c] / n) : Double.NaN; // population, as Stats
        int d = distinct.get(c).size();
        return new Column(name, n, missingCounts[c], infinite[c], text[c], n > 0 ? min[c] : Double.NaN,
                n > 0 ? max[c] : Double.NaN, n > 0 ? mean[c] : Double.NaN, std, !nonInteger[c], Math.min(d, DISTINCT_CAP),
                d > DISTINCT_CAP);
    }
}
