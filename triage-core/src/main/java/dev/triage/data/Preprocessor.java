package dev.triage.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fitted preprocessing of a run, stored with the model: one {@link FeatureEncoding} per input
 * column and the {@link TargetEncoding}. Transforms any table with the same columns (the test file,
 * new data at prediction time) exactly as the training split was transformed.
 */
public record Preprocessor(List<FeatureEncoding> features, String target, TargetEncoding targetEncoding) {
    public Preprocessor {
        features = List.copyOf(features);
    }

    /** Number of network inputs. */
    public int width() {
        int w = 0;
        for (FeatureEncoding f : features) {
            w += f.width();
        }
        return w;
    }

    public List<String> inputNames() {
        List<String> names = new ArrayList<>();
        features.forEach(f -> names.addAll(f.inputNames()));
        return names;
    }

    /** Encodes a table; with {@code withTarget}, rows must have a target (drop the others first). */
    public Encoded transform(Table table, boolean withTarget) {
        int rows = table.rows();
        int width = width();
        double[] x = new double[rows * width];
        int unknown = 0;
        int at = 0;
        for (FeatureEncoding f : features) {
            Column c = table.column(f.column());
            unknown += FeatureEncoder.encode(f, c, x, width, at);
            at += f.width();
        }
        double[] y = null;
        int[] labels = null;
        if (withTarget) {
            Column t = table.column(target);
            if (targetEncoding.task() == dev.triage.config.Task.CLASSIFICATION) {
                labels = new TargetSpec(target, targetEncoding.task(), targetEncoding.classes(), 0, false).labels(t);
            } else {
                y = scaledTargets((NumericColumn) t);
            }
        }
        return new Encoded(x, rows, width, y, labels, unknown);
    }

    private double[] scaledTargets(NumericColumn t) {
        double[] y = new double[t.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (t.values()[i] - targetEncoding.center()) / targetEncoding.scale();
        }
        return y;
    }

    /** Columns the transform reads (features, plus the target when asked). */
    public List<String> requiredColumns() {
        List<String> cols = new ArrayList<>();
        features.forEach(f -> cols.add(f.column()));
        return cols;
    }

    /** For reports: each input column's kind. */
    public Map<String, String> kinds() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        features.forEach(f -> out.put(f.column(), f.kind().name().toLowerCase(java.util.Locale.ROOT)));
        return out;
    }
}
