package dev.triage;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Task;
import dev.triage.data.Column;
import dev.triage.data.Encoded;
import dev.triage.data.NumericColumn;
import dev.triage.data.Table;
import dev.triage.data.TargetEncoding;
import dev.triage.session.PredictSession;
import dev.triage.train.Evaluation;
import dev.triage.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model with the preprocessing it was trained with ({@code model.triage}). Predictions take
 * raw feature values, in the units of the training file, by column name; the model scales, encodes and
 * imputes them itself. Immutable: one instance can serve many threads.
 *
 * <pre>{@code
 * TriageModel m = TriageModel.load(Path.of("runs/wine-20261203-101500/model.triage"));
 * double[] quality = m.predict(rows, m.columns());
 * }</pre>
 */
public final class TriageModel {
    private final TrainedModel model;

    private TriageModel(TrainedModel model) {
        this.model = model;
    }

    /** Reads a model file or checkpoint; its SHA-256 is checked. */
    public static TriageModel load(Path file) {
        return new TriageModel(TrainedModel.load(file));
    }

    /** The feature columns the model needs, in the order {@link #predict} takes them by default. */
    public List<String> columns() {
        return List.copyOf(model.preprocessor().requiredColumns());
    }

    public boolean isClassifier() {
        return model.preprocessor().targetEncoding().task() == Task.CLASSIFICATION;
    }

    /** The class labels in the order of {@link #probabilities}; empty for regression. */
    public List<String> classes() {
        return isClassifier() ? List.copyOf(model.preprocessor().targetEncoding().classes()) : List.of();
    }

    /**
     * Regression: the predicted value per row, in target units. Classification: the index (into
     * {@link #classes()}) of the most likely class. NaN for a row with a missing value the model cannot impute.
     */
    public double[] predict(double[][] rows, List<String> columnNames) {
        double[] out = outputs(rows, columnNames);
        int width = model.network().outputs();
        double[] result = new double[rows.length];
        TargetEncoding t = model.preprocessor().targetEncoding();
        for (int r = 0; r < rows.length; r++) {
            boolean finite = true;
            for (int j = 0; j < width; j++) {
                finite &= Double.isFinite(out[r * width + j]);
            }
            result[r] = !finite ? Double.NaN : isClassifier() ? Evaluation.predictedClass(out, width, r) : t.toOriginal(out[r]);
        }
        return result;
    }

    /** Classification: one probability per class (the order of {@link #classes()}) per row. */
    public double[][] probabilities(double[][] rows, List<String> columnNames) {
        if (!isClassifier()) {
            throw new InvalidInputException("probabilities: this model is a regression model; use predict");
        }
        double[] out = outputs(rows, columnNames);
        int width = model.network().outputs();
        double[][] p = new double[rows.length][classes().size()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < p[r].length; c++) {
                p[r][c] = Evaluation.probabilityOf(out, width, r, c);
            }
        }
        return p;
    }

    private double[] outputs(double[][] rows, List<String> names) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            double[] v = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                if (rows[r].length != names.size()) {
                    throw new InvalidInputException("predict: row " + r + " has " + rows[r].length + " values for "
                            + names.size() + " column names");
                }
                v[r] = rows[r][c];
            }
            columns.add(new NumericColumn(names.get(c), v));
        }
        Table table = new Table("in-memory rows", columns, rows.length);
        List<String> absent = columns().stream().filter(c -> !table.has(c)).toList();
        if (!absent.isEmpty()) {
            throw new InvalidInputException("predict: the rows lack the column(s) the model was trained on: "
                    + String.join(", ", absent) + "; pass values for " + String.join(", ", columns()));
        }
        Encoded enc = model.preprocessor().transform(table, false);
        return PredictSession.run(model, enc);
    }
}
