package dev.triage.data;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Separator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a whole CSV file into a {@link Table}, inferring each column's type. A column stays numeric
 * while every non-missing token is a number; its first text token makes it categorical. A column
 * that is numeric except for a rare stray token is a data error, reported with line and column.
 *
 * <p>Numbers are collected row by row into one array (sequential writes stay in cache even for
 * files with hundreds of columns) and split into columns at the end.
 */
public final class TableReader implements CsvSink {
    /** A numeric column may hold at most this share of stray text tokens, of at most 3 kinds, before it counts as text. */
    static final double STRAY_SHARE = 0.02;
    static final int STRAY_DISTINCT = 3;
    static final int MIN_NUMBERS_FOR_STRAY = 20;

    private final String source;
    private final MissingTokens missing;
    private final TextColumns text = new TextColumns();
    private List<String> names;
    private int width;
    /** Row-major cells in fixed blocks: growing never copies, and no single huge array is allocated. */
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK_MASK = (1 << BLOCK_BITS) - 1;
    private double[][] cells = new double[16][];
    private int rows;
    private boolean[] isText;
    private long[] numericTokens;
    private long[] textTokens;
    private long[] firstTextLine;
    private String[] firstText;
    private List<Set<String>> distinctText;

    private TableReader(String source, List<String> missingTokens) {
        this.source = source;
        this.missing = new MissingTokens(missingTokens);
    }

    /**
     * A uniform random sample of {@code sample} of the file's {@code totalRows} data rows, in file
     * order (for profiling files too large to hold); the same seed gives the same rows.
     */
    public static Table readSample(Path path, Separator separator, List<String> missingTokens, long totalRows, int sample,
                                   long seed) {
        TableReader sink = new TableReader(path.toString(), missingTokens);
        new CsvReader(path, separator).read(new SampledRows(sink, totalRows, sample, seed));
        return sink.build();
    }

    public static Table read(Path path, Separator separator, List<String> missingTokens) {
        TableReader sink = new TableReader(path.toString(), missingTokens);
        new CsvReader(path, separator).read(sink);
        return sink.build();
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
        width = names.size();
        isText = new boolean[width];
        numericTokens = new long[width];
        textTokens = new long[width];
        firstTextLine = new long[width];
        firstText = new String[width];
        distinctText = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            distinctText.add(new LinkedHashSet<>());
        }
    }

    @Override
    public void field(int column, byte[] buf, int start, int end, boolean quoted, long line) {
        int cell = rows * width + column;
        double[] block = block(cell >>> BLOCK_BITS);
        double v = missing.matches(buf, start, end) ? Double.NaN : NumberParser.parse(buf, start, end);
        if (decimalComma && NumberParser.isNotNumber(v)) {
            v = NumberParser.parseDecimalComma(buf, start, end);
        }
        if (NumberParser.isNotNumber(v)) {
            block[cell & BLOCK_MASK] = Double.NaN;
            noteText(column, CsvReader.decode(buf, start, end), line);
            return;
        }
        block[cell & BLOCK_MASK] = v;
        if (!Double.isNaN(v) || !missing.matches(buf, start, end)) {
            numericTokens[column]++;
        }
        if (isText[column]) {
            text.addNumber(column, v);
        }
    }

    private double[] block(int index) {
        if (index >= cells.length) {
            cells = Arrays.copyOf(cells, cells.length * 2);
        }
        double[] b = cells[index];
        if (b == null) {
            b = new double[1 << BLOCK_BITS];
            cells[index] = b;
        }
        return b;
    }

    private double cell(int index) {
        return cells[index >>> BLOCK_BITS][index & BLOCK_MASK];
    }

    private void noteText(int column, String token, long line) {
        if (textTokens[column]++ == 0) {
            firstTextLine[column] = line;
            firstText[column] = token;
            text.convert(column, columnValues(column, rows));
            isText[column] = true;
        }
        if (distinctText.get(column).size() <= STRAY_DISTINCT) {
            distinctText.get(column).add(token);
        }
        text.add(column, token);
    }

    @Override
    public void endRow(long line) {
        rows++;
    }

    private double[] columnValues(int column, int count) {
        double[] out = new double[count];
        for (int r = 0, cell = column; r < count; r++, cell += width) {
            out[r] = cell(cell);
        }
        return out;
    }

    private Table build() {
        double[][] numeric = splitColumns();
        List<Column> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            if (!text.isText(c)) {
                columns.add(new NumericColumn(names.get(c), numeric[c]));
                continue;
            }
            checkStray(c);
            TextColumns.Codes codes = text.codes(c);
            columns.add(new CategoricalColumn(names.get(c), Arrays.copyOf(codes.codes, codes.size), List.copyOf(codes.levels)));
        }
        cells = null;
        return new Table(source, columns, rows);
    }

    /** Splits the row-major cells into numeric columns, a block of rows at a time so reads stay in cache. */
    private double[][] splitColumns() {
        double[][] out = new double[width][];
        for (int c = 0; c < width; c++) {
            out[c] = text.isText(c) ? null : new double[rows];
        }
        int block = Math.max(16, (1 << 17) / Math.max(1, width));
        for (int r0 = 0; r0 < rows; r0 += block) {
            int r1 = Math.min(rows, r0 + block);
            for (int c = 0; c < width; c++) {
                double[] col = out[c];
                if (col == null) {
                    continue;
                }
                for (int r = r0, cell = r0 * width + c; r < r1; r++, cell += width) {
                    col[r] = cell(cell);
                }
            }
        }
        return out;
    }

    private void checkStray(int c) {
        long numbers = numericTokens[c];
        long texts = textTokens[c];
        boolean stray = numbers >= MIN_NUMBERS_FOR_STRAY && distinctText.get(c).size() <= STRAY_DISTINCT
                && texts <= STRAY_SHARE * (numbers + texts);
        if (stray) {
            throw new InvalidInputException(source + ":" + firstTextLine[c] + ": column '" + Text.printable(names.get(c))
                    + "' (column " + (c + 1) + ") holds '" + Text.printable(firstText[c]) + "', which is not a number, while "
                    + numbers + " other values are; fix the value or add it to data.missing");
        }
    }
}
