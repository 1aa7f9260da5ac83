package dev.triage.session;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Separator;
import dev.triage.data.Encoded;
import dev.triage.data.Table;
import dev.triage.data.TableReader;
import dev.triage.data.Text;
import dev.triage.nn.Engine;
import dev.triage.nn.EngineData;
import dev.triage.report.OutputFile;
import dev.triage.train.TrainedModel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code triage predict}: applies a model file (with its stored preprocessing) to a CSV file and
 * writes the rows with their predictions: in target units for regression, the class and one
 * probability per class for classification.
 */
public final class PredictSession {
    private PredictSession() {
    }

    /** Returns the number of rows predicted. {@code outFile} null writes CSV to {@code out}. */
    public static int predict(Path modelFile, Path dataFile, Path outFile, PrintStream out, PrintStream warnings) {
        OutputPaths.requireNotInput(outFile, "--out", modelFile, dataFile);
        TrainedModel model = TrainedModel.load(modelFile);
        List<String> missing = missingTokens(model);
        Table table = TableReader.read(dataFile, Separator.AUTO, missing);
        List<String> absent = new ArrayList<>();
        for (String c : model.preprocessor().requiredColumns()) {
            if (!table.has(c)) {
                absent.add(Text.printable(c));
            }
        }
        if (!absent.isEmpty()) {
            throw new InvalidInputException(dataFile + ": lacks the column(s) the model was trained on: "
                    + String.join(", ", absent) + "; provide a file with the training columns");
        }
        Encoded enc = model.preprocessor().transform(table, false);
        if (enc.unknownCategories() > 0) {
            warnings.println("warning: " + enc.unknownCategories() + " category values were never seen in training;"
                    + " they are encoded as all zeros");
        }
        int nonFinite = enc.nonFiniteCount();
        if (nonFinite > 0) {
            warnings.println("warning: " + nonFinite + " feature values are missing or not finite and the model has no"
                    + " imputation; those rows get no prediction");
        }
        double[] outputs = run(model, enc);
        String csv = PredictionCsv.render(table, model, outputs);
        if (outFile == null) {
            out.print(csv);
        } else {
            OutputFile.write(outFile, csv, out);
        }
        return table.rows();
    }

    /** The network's raw outputs (one row of {@code outputs} values per encoded row). */
    public static double[] run(TrainedModel model, Encoded enc) {
        int outputs = model.network().outputs();
        try (Engine engine = model.engine(Math.max(1, Math.min(enc.rows(), 1024)))) {
            EngineData data = engine.upload(enc.x(), enc.rows(), enc.features(), new double[enc.rows() * outputs], outputs,
                    model.network().loss().isClassification() ? new int[enc.rows()] : null);
            double[] out = new double[enc.rows() * outputs];
            engine.evaluate(data, out);
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> missingTokens(TrainedModel model) {
        Object data = model.config().get("data");
        if (data instanceof java.util.Map<?, ?> m && m.get("missing") instanceof List<?> l) {
            return (List<String>) l;
        }
        return List.of("", "NA", "NaN", "?");
    }
}
