package dev.triage.dl4j;

import dev.triage.config.Task;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Accumulates a {@link DataScan} batch by batch. */
final class DataScanner {
    /** Rows kept for quantiles and distinct counts, per feature: at most this many values in all. */
    private static final int SAMPLE_VALUES = 2_000_000;

    private final Task task;
    private final int classes;
    private final long keepValues;
    private long rows;
    private int batches;
    private int batchSize;
    private int outputs;
    private ColumnStats[] columns;
    private ColumnStats target;
    private final long[] classCounts;
    private List<DataSet> kept;
    private String problem;

    /** {@code keepValues}: keep the batches to merge while the split holds at most that many feature values; 0 for never. */
    DataScanner(Task task, int classes, long keepValues) {
        this.task = task;
        this.classes = classes;
        this.keepValues = keepValues;
        this.classCounts = classes > 0 ? new long[classes] : null;
        this.kept = keepValues > 0 ? new ArrayList<>() : null;
    }

    /** Adds one batch; false when its shape cannot be profiled (then the scan stops, with the problem noted). */
    boolean add(DataSet batch) {
        INDArray x = batch.getFeatures();
        INDArray y = batch.getLabels();
        if (x == null || x.rank() != 2) {
            problem = "features of rank " + (x == null ? 0 : x.rank()) + " (not [rows, features]): the data checks cannot run";
            return false;
        }
        int n = x.rows();
        int f = x.columns();
        if (columns == null) {
            startColumns(n, f, y);
        }
        for (double[] row : Measure.rows(x)) {
            for (int j = 0; j < Math.min(f, columns.length); j++) {
                columns[j].add(row[j]);
            }
        }
        if (y != null && y.rank() == 2) {
            addLabels(Measure.rows(y));
        }
        keep(batch, n, f);
        rows += n;
        batches++;
        return true;
    }

    DataScan result() {
        DataSet merged = kept == null || kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0) : DataSet.merge(kept);
        return new DataScan(rows, batches, batchSize, columns == null ? 0 : columns.length, outputs,
                columns == null ? new ColumnStats[0] : columns, target, classCounts, problem, merged);
    }

    /** The first batch fixes the columns, the outputs and the batch size. */
    private void startColumns(int n, int f, INDArray y) {
        columns = new ColumnStats[f];
        int cap = Math.max(1000, SAMPLE_VALUES / Math.max(1, f));
        for (int j = 0; j < f; j++) {
            columns[j] = new ColumnStats("input " + (j + 1), cap);
        }
        outputs = y == null ? 0 : (int) y.size(y.rank() - 1);
        if (task == Task.REGRESSION && y != null) {
            target = new ColumnStats("target", Math.max(1000, SAMPLE_VALUES / Math.max(1, outputs)));
        }
        batchSize = n;
    }

    /** Regression targets into the target column; classes (one-hot, or an index in one column) into the counts. */
    private void addLabels(double[][] labels) {
        for (double[] row : labels) {
            if (target != null) {
                for (double v : row) {
                    target.add(v);
                }
            } else if (classCounts != null) {
                int k = row.length == 1 && classes > 1 ? (int) row[0] : argmax(row);
                if (k >= 0 && k < classCounts.length) {
                    classCounts[k]++;
                }
            }
        }
    }

    /** Keeps a copy of the batch until the split outgrows {@code keepValues}; from then on none. */
    private void keep(DataSet batch, int n, int f) {
        if (kept == null) {
            return;
        }
        if ((rows + n) * (long) f > keepValues) {
            kept = null;
        } else {
            kept.add(batch.copy());
        }
    }

    private static int argmax(double[] row) {
        int best = -1;
        for (int i = 0; i < row.length; i++) {
            if (best < 0 || row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
