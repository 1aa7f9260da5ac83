package dev.triage.calibrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run to make: the data file, its target and task, and the configuration as {@code --set}
 * overrides (the same strings {@code triage train --set} takes, so every run can be repeated from the
 * command line). {@code extra} holds the keys a fault changes; they are applied last.
 */
final class Recipe {
    Dataset dataset;
    Path data;
    /** Rows in the data file (after subsampling), for sizing. */
    int rows;
    /** Training rows Triage will use (70% of the rows, the default split). */
    int trainRows;
    /** Feature columns in the data file. */
    int features;
    int[] hidden;
    String activation;
    String optimizer;
    double learningRate;
    String init = "auto";
    int batchSize;
    int epochs;
    String schedule;
    Integer patience;
    double dropout;
    boolean batchNorm;
    double l2;
    String scale = "standard";
    String impute;
    long seed;
    final Map<String, String> extra = new LinkedHashMap<>();

    Recipe copy() {
        Recipe r = new Recipe();
        r.dataset = dataset;
        r.data = data;
        r.rows = rows;
        r.trainRows = trainRows;
        r.features = features;
        r.hidden = hidden.clone();
        r.activation = activation;
        r.optimizer = optimizer;
        r.learningRate = learningRate;
        r.init = init;
        r.batchSize = batchSize;
        r.epochs = epochs;
        r.schedule = schedule;
        r.patience = patience;
        r.dropout = dropout;
        r.batchNorm = batchNorm;
        r.l2 = l2;
        r.scale = scale;
        r.impute = impute;
        r.seed = seed;
        r.extra.putAll(extra);
        return r;
    }

    boolean classification() {
        return dataset.classification();
    }

    /** The overrides that make this run, in a stable order; {@code extra} last. */
    List<String> overrides() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data.path", data.toString());
        m.put("data.target", dataset.target());
        m.put("data.task", dataset.task());
        if (!dataset.drop().isEmpty()) {
            m.put("data.drop_columns", "[" + String.join(", ", dataset.drop()) + "]");
        }
        m.put("data.preprocess.scale", scale);
        if (impute != null) {
            m.put("data.preprocess.impute", impute);
        }
        m.put("model.hidden", Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]")));
        m.put("model.activation", activation);
        m.put("model.init", init);
        if (dropout > 0) {
            m.put("model.dropout", num(dropout));
        }
        if (batchNorm) {
            m.put("model.batch_norm", "true");
        }
        m.put("training.optimizer", optimizer);
        m.put("training.learning_rate", num(learningRate));
        m.put("training.batch_size", Integer.toString(batchSize));
        m.put("training.epochs", Integer.toString(epochs));
        if (schedule != null) {
            m.put("training.schedule", schedule);
        }
        if (patience != null) {
            m.put("training.early_stopping", "{patience: " + patience + "}");
        }
        if (l2 > 0) {
            m.put("training.l2", num(l2));
        }
        m.put("training.seed", Long.toString(seed));
        m.putAll(extra);
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    /** The run as one {@code triage train} command line (data path included). */
    String commandLine() {
        StringBuilder b = new StringBuilder("triage train");
        for (String o : overrides()) {
            b.append(" --set '").append(o).append('\'');
        }
        return b.toString();
    }

    static String num(double v) {
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}
