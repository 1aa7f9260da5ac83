package dev.triage.session;

import dev.triage.config.Task;
import dev.triage.data.CategoricalColumn;
import dev.triage.data.Column;
import dev.triage.data.NumericColumn;
import dev.triage.data.Table;
import dev.triage.data.TargetEncoding;
import dev.triage.report.Numbers;
import dev.triage.train.Evaluation;
import dev.triage.train.TrainedModel;
import java.util.List;

/** Writes the input rows with prediction columns appended, as CSV. */
final class PredictionCsv {
    private PredictionCsv() {
    }

    static String render(Table table, TrainedModel model, double[] outputs) {
        TargetEncoding t = model.preprocessor().targetEncoding();
        String target = model.preprocessor().target();
        int width = model.network().outputs();
        boolean classes = t.task() == Task.CLASSIFICATION;
        StringBuilder sb = new StringBuilder();
        List<String> names = table.names();
        for (String n : names) {
            sb.append(quote(n)).append(',');
        }
        sb.append(quote(target + "_predicted"));
        if (classes) {
            for (String c : t.classes()) {
                sb.append(',').append(quote("p_" + c));
            }
        }
        sb.append('\n');
        for (int r = 0; r < table.rows(); r++) {
            for (Column c : table.columns()) {
                sb.append(cell(c, r)).append(',');
            }
            appendPrediction(sb, outputs, width, r, t, classes);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void appendPrediction(StringBuilder sb, double[] out, int width, int r, TargetEncoding t, boolean classes) {
        boolean finite = true;
        for (int j = 0; j < width; j++) {
            finite &= Double.isFinite(out[r * width + j]);
        }
        if (!classes) {
            sb.append(finite ? Numbers.cell(t.toOriginal(out[r])) : "");
            return;
        }
        sb.append(finite ? quote(t.classes().get(Evaluation.predictedClass(out, width, r))) : "");
        for (int c = 0; c < t.classes().size(); c++) {
            sb.append(',').append(finite ? Numbers.cell(Evaluation.probabilityOf(out, width, r, c)) : "");
        }
    }

    private static String cell(Column c, int r) {
        if (c instanceof NumericColumn n) {
            return dev.triage.data.Text.number(n.values()[r]);
        }
        String v = ((CategoricalColumn) c).valueAt(r);
        return v == null ? "" : quote(v);
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
