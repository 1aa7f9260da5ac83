package dev.triage.dl4j;

import dev.triage.config.Task;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.InputStats;
import dev.triage.probe.log.NumericSummary;
import dev.triage.probe.log.SplitClasses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * One pass over a {@link DataSetIterator} before training: what the network will receive (after the
 * iterator's own pre-processor), per feature and for the target: counts, moments, range, non-finite
 * values, distinct values and quantiles of a sample; the class counts; rows and batches. The iterator
 * is reset afterwards. Features must be 2-d ({@code [rows, features]}); other shapes are not profiled.
 */
final class DataScan {
    /** Rows kept for quantiles and distinct counts, per feature: at most this many values in all. */
    private static final int SAMPLE_VALUES = 2_000_000;

    final long rows;
    final int batches;
    final int batchSize;
    final int features;
    final int outputs;
    final Column[] columns;
    final Column target;
    final long[] classCounts;
    final String problem;
    /** The whole split as one data set, kept for the epoch-end evaluation when it is small; else null. */
    final DataSet merged;

    /** Streaming statistics of one column and a sample of its values. */
    static final class Column {
        final String name;
        long count;
        long nonFinite;
        double mean;
        double m2;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integers = true;
        double[] sample = new double[64];
        int sampled;
        final int sampleCap;

        Column(String name, int sampleCap) {
            this.name = name;
            this.sampleCap = sampleCap;
        }

        void add(double v) {
            if (!Double.isFinite(v)) {
                nonFinite++;
                return;
            }
            count++;
            double d = v - mean;
            mean += d / count;
            m2 += d * (v - mean);
            min = Math.min(min, v);
            max = Math.max(max, v);
            integers &= v == Math.rint(v);
            if (sampled < sampleCap) {
                if (sampled == sample.length) {
                    sample = Arrays.copyOf(sample, Math.min(sampleCap, sampled * 2));
                }
                sample[sampled++] = v;
            }
        }

        double std() {
            return count > 1 ? Math.sqrt(m2 / count) : 0;
        }

        ColumnProfile profile(boolean target) {
            double[] s = Arrays.copyOf(sample, sampled);
            Arrays.sort(s);
            Set<Double> distinct = new HashSet<>();
            for (double v : s) {
                if (distinct.size() > ColumnProfile.DISTINCT_CAP) {
                    break;
                }
                distinct.add(v);
            }
            double median = quantile(s, 0.5);
            double[] dev = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                dev[i] = Math.abs(s[i] - median);
            }
            Arrays.sort(dev);
            NumericSummary summary = count == 0 ? null : new NumericSummary(min, quantile(s, 0.25), median, quantile(s, 0.75), max,
                    mean, std(), quantile(dev, 0.5));
            boolean capped = distinct.size() > ColumnProfile.DISTINCT_CAP;
            return new ColumnProfile(name, target, true, count + nonFinite, 0, nonFinite,
                    Math.min(distinct.size(), ColumnProfile.DISTINCT_CAP), capped, summary, null, integers && count > 0,
                    count > 0 && min == max);
        }

        private static double quantile(double[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            double pos = q * (sorted.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(sorted.length - 1, lo + 1);
            return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
        }
    }

    private DataScan(long rows, int batches, int batchSize, int features, int outputs, Column[] columns, Column target,
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
        long rows = 0;
        int batches = 0;
        int batchSize = 0;
        Column[] cols = null;
        Column target = null;
        long[] counts = classes > 0 ? new long[classes] : null;
        List<DataSet> kept = keepValues > 0 ? new ArrayList<>() : null;
        String problem = null;
        int outputs = 0;
        while (it.hasNext()) {
            DataSet ds = it.next();
            INDArray x = ds.getFeatures();
            INDArray y = ds.getLabels();
            if (x == null || x.rank() != 2) {
                problem = "features of rank " + (x == null ? 0 : x.rank()) + " (not [rows, features]): the data checks cannot run";
                break;
            }
            int n = (int) x.rows();
            int f = (int) x.columns();
            if (cols == null) {
                cols = new Column[f];
                int cap = (int) Math.max(1000, SAMPLE_VALUES / Math.max(1, f));
                for (int j = 0; j < f; j++) {
                    cols[j] = new Column("input " + (j + 1), cap);
                }
                outputs = y == null ? 0 : (int) y.size(y.rank() - 1);
                if (task == Task.REGRESSION && y != null) {
                    target = new Column("target", (int) Math.max(1000, SAMPLE_VALUES / Math.max(1, outputs)));
                }
                batchSize = n;
            }
            double[][] xv = Measure.rows(x);
            for (double[] row : xv) {
                for (int j = 0; j < Math.min(f, cols.length); j++) {
                    cols[j].add(row[j]);
                }
            }
            if (y != null && y.rank() == 2) {
                double[][] yv = Measure.rows(y);
                for (double[] row : yv) {
                    if (target != null) {
                        for (double v : row) {
                            target.add(v);
                        }
                    } else if (counts != null) {
                        int k = row.length == 1 && classes > 1 ? (int) row[0] : argmax(row);
                        if (k >= 0 && k < counts.length) {
                            counts[k]++;
                        }
                    }
                }
            }
            if (kept != null) {
                if ((rows + n) * (long) f > keepValues) {
                    kept = null;
                } else {
                    kept.add(ds.copy());
                }
            }
            rows += n;
            batches++;
        }
        if (it.resetSupported()) {
            it.reset();
        }
        DataSet merged = kept == null || kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0) : DataSet.merge(kept);
        return new DataScan(rows, batches, batchSize, cols == null ? 0 : cols.length, outputs, cols == null ? new Column[0] : cols,
                target, counts, problem, merged);
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

    /** What the network received, for the scaling checks. */
    InputStats inputs() {
        int f = columns.length;
        double[] mean = new double[f];
        double[] std = new double[f];
        double[] min = new double[f];
        double[] max = new double[f];
        long[] nonFinite = new long[f];
        for (int j = 0; j < f; j++) {
            Column c = columns[j];
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
        for (Column c : train.columns) {
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
