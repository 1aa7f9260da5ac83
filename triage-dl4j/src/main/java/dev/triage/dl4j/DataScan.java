package dev.triage.dl4j;

import dev.triage.config.Task;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.InputStats;
import dev.triage.probe.log.SplitClasses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * One pass over a {@link DataSetIterator} before training: what the network will receive (after the
 * iterator's own pre-processor), per feature and for the target: counts, moments, range, non-finite
 * values, distinct values and quantiles of a sample; the class counts; rows and batches. The iterator
 * is reset afterwards. Features must be 2-d ({@code [rows, features]}); other shapes are not profiled.
 */
final class DataScan {
    final long rows;
    final int batches;
    final int batchSize;
    final int features;
    final int outputs;
    final ColumnStats[] columns;
    final ColumnStats target;
    final long[] classCounts;
    final String problem;
    /** The whole split as one data set, kept for the epoch-end evaluation when it is small; else null. */
    final DataSet merged;

    DataScan(long rows, int batches, int batchSize, int features, int outputs, ColumnStats[] columns, ColumnStats target,
             long[] classCounts, String problem, DataSet merged) {
        this.rows = rows;
        this.batches = batches;
        this.batchSize = batchSize;
        this.features = features;
        this.outputs = outputs;
        this.columns = columns;
        this.target = target;
        this.classCounts = classCounts;
        this.problem = problem;
        this.merged = merged;
    }

    /**
     * Scans {@code it} once and resets it. {@code keepValues}: merge the whole split into one data set
     * when it holds at most that many feature values (for a fast evaluation at epoch ends), 0 for never.
     */
    static DataScan of(DataSetIterator it, Task task, int classes, long keepValues) {
        if (it == null) {
            return null;
        }
        if (it.resetSupported()) {
            it.reset();
        }
        DataScanner scanner = new DataScanner(task, classes, keepValues);
        while (it.hasNext()) {
            if (!scanner.add(it.next())) {
                break;
            }
        }
        if (it.resetSupported()) {
            it.reset();
        }
        return scanner.result();
    }

    /** What the network received, for the scaling checks. */
    InputStats inputs() {
        int f = columns.length;
        double[] mean = new double[f];
        double[] std = new double[f];
        double[] min = new double[f];
        double[] max = new double[f];
        long[] nonFinite = new long[f];
        for (int j = 0; j < f; j++) {
            ColumnStats c = columns[j];
            mean[j] = c.count == 0 ? Double.NaN : c.mean;
            std[j] = c.count == 0 ? Double.NaN : c.std();
            min[j] = c.count == 0 ? Double.NaN : c.min;
            max[j] = c.count == 0 ? Double.NaN : c.max;
            nonFinite[j] = c.nonFinite;
        }
        return new InputStats(rows, List.of(), mean, std, min, max, nonFinite);
    }

    /** The data signals of a training split and (optional) validation split. */
    static DataSignals signals(DataScan train, DataScan validation, List<String> classNames) {
        List<ColumnProfile> cols = new ArrayList<>();
        for (ColumnStats c : train.columns) {
            cols.add(c.profile(false));
        }
        if (train.target != null && train.outputs == 1) {
            cols.add(train.target.profile(true));
        }
        SplitClasses classes = null;
        if (train.classCounts != null) {
            long[] val = validation == null || validation.classCounts == null ? new long[train.classCounts.length]
                    : Arrays.copyOf(validation.classCounts, train.classCounts.length);
            classes = new SplitClasses(classNames, train.classCounts, val, new long[train.classCounts.length]);
        }
        long valRows = validation == null ? 0 : validation.rows;
        return new DataSignals("DL4J DataSetIterator", train.rows + valRows, (int) train.rows, (int) valRows, 0, false, cols,
                classes, null, List.of(), List.of(), List.of(), 0, 0);
    }
}
