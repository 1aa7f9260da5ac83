package dev.triage.session;

import dev.triage.config.SplitConfig;
import dev.triage.data.StreamingStats;
import dev.triage.report.ColumnTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures {@code triage check} takes from its streaming pass over whole files: missing values per file
 * (training file and test file apart), and the split sizes a training run on the whole file would use
 * when the checks themselves ran on a sample.
 */
final class CheckFigures {
    private CheckFigures() {
    }

    /** Missing and non-finite values of every column, counted in each file. */
    static ColumnTable.PerFile perFile(StreamingStats file, StreamingStats test, List<String> columns) {
        Map<String, long[]> missing = new LinkedHashMap<>();
        for (String name : columns) {
            missing.put(name, new long[] {missing(file.column(name)), missing(test.column(name))});
        }
        return new ColumnTable.PerFile(List.of("train file", "test file"), new long[] {file.rows(), test.rows()}, missing);
    }

    /**
     * Training, validation and test rows of a run on {@code rows} rows with a target, as the splitter
     * divides them (a stratified split rounds per class, so it may differ by a row per class);
     * {@code testFileRows} is the separate test file's row count, or -1 without one.
     */
    static int[] splitSizes(long rows, SplitConfig split, long testFileRows) {
        int n = (int) Math.min(Integer.MAX_VALUE, rows);
        boolean testFromSplit = testFileRows < 0;
        int nTest = (int) Math.round((testFromSplit ? split.test() : 0) * n);
        int nVal = (int) Math.round(split.validation() * n);
        int nTrain = Math.max(1, n - nTest - nVal);
        nVal = Math.min(nVal, n - nTrain);
        return new int[] {nTrain, nVal, testFromSplit ? n - nTrain - nVal : (int) Math.min(Integer.MAX_VALUE, testFileRows)};
    }

    private static long missing(StreamingStats.Column c) {
        return c == null ? 0 : c.missing() + c.infinite();
    }

    /** Rows of a file whose target is present (those a run trains and scores on). */
    static long rowsWithTarget(StreamingStats stats, String target) {
        StreamingStats.Column t = stats.column(target);
        return t == null ? stats.rows() : stats.rows() - t.missing() - t.infinite();
    }
}
