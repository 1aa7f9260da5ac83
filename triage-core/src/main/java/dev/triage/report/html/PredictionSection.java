package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** How the final model predicts the test rows: predicted against actual (regression) or a confusion matrix. */
final class PredictionSection {
    private static final int SIZE = 440;
    private static final int PAD = 56;

    private PredictionSection() {
    }

    static String render(JsonNode report) {
        JsonNode test = report.path("metrics").path("test");
        StringBuilder sb = new StringBuilder("<section id=\"predictions\">\n<h2>Predictions on the test rows</h2>\n");
        if (test.has("predicted_vs_actual")) {
            sb.append(scatter(test.get("predicted_vs_actual")));
        } else if (test.has("confusion_matrix")) {
            sb.append(confusion(test.get("confusion_matrix"), report.path("data").path("classes")));
        } else {
            sb.append("<p>No test rows were scored.</p>\n");
        }
        return sb.append("</section>\n").toString();
    }

    private static String scatter(JsonNode pairs) {
        Signals read = new Signals(pairs);
        double[] p = read.array("predicted");
        double[] a = read.array("actual");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            if (Double.isFinite(p[i]) && Double.isFinite(a[i])) {
                min = Math.min(min, Math.min(p[i], a[i]));
                max = Math.max(max, Math.max(p[i], a[i]));
            }
        }
        if (min > max) {
            return "<p class=\"empty\" data-chart=\"predicted-vs-actual\" data-points=\"0\">No finite predictions.</p>\n";
        }
        Axis x = Axis.of(min, max, false, PAD, SIZE - 12);
        Axis y = Axis.of(min, max, false, SIZE - PAD, 12);
        StringBuilder sb = new StringBuilder("<figure class=\"chart square\" id=\"chart-predicted-vs-actual\"><figcaption>Predicted"
                + " against actual (" + p.length + " test rows" + ")</figcaption>\n");
        sb.append(f("<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"predicted against actual\" data-chart=\"predicted-vs-actual\">%n",
                SIZE, SIZE));
        sb.append(f("<rect class=\"plot\" x=\"%d\" y=\"12\" width=\"%d\" height=\"%d\"/>%n", PAD, SIZE - 12 - PAD, SIZE - 12 - PAD));
        for (double t : x.ticks()) {
            sb.append(f("<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x.px(t), SIZE - PAD + 16, x.label(t)));
            sb.append(f("<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", PAD - 6, y.px(t) + 4, y.label(t)));
        }
        sb.append(f("<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n", x.px(min), y.px(min), x.px(max), y.px(max)));
        StringBuilder dots = new StringBuilder();
        int drawn = 0;
        for (int i = 0; i < p.length; i++) {
            if (Double.isFinite(p[i]) && Double.isFinite(a[i])) {
                dots.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\"/>", x.px(a[i]), y.px(p[i])));
                drawn++;
            }
        }
        sb.append("<g class=\"dots\" data-series=\"test rows\" data-points=\"").append(drawn).append("\">").append(dots).append("</g>\n");
        sb.append(f("<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">actual</text>", (SIZE + PAD) / 2, SIZE - 14));
        sb.append(f("<text class=\"axis\" transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">predicted</text>%n",
                (SIZE - PAD) / 2));
        sb.append("</svg>\n<p class=\"note\">Points on the diagonal are exact. A horizontal band means the model predicts"
                + " about the same value for every row (TRAIN_PREDICTS_CONSTANT).</p>\n</figure>\n");
        return sb.toString();
    }

    private static String confusion(JsonNode matrix, JsonNode classes) {
        long max = 1;
        for (JsonNode row : matrix) {
            for (JsonNode c : row) {
                max = Math.max(max, c.asLong());
            }
        }
        StringBuilder sb = new StringBuilder("<table class=\"confusion\" data-chart=\"confusion\" data-points=\"")
                .append(matrix.size() * matrix.size()).append("\"><caption>Confusion matrix: rows are the actual class,"
                        + " columns the predicted one</caption>\n<tr><th></th>");
        for (int j = 0; j < matrix.size(); j++) {
            sb.append("<th>").append(Html.esc(label(classes, j))).append("</th>");
        }
        sb.append("</tr>\n");
        for (int i = 0; i < matrix.size(); i++) {
            sb.append("<tr><th>").append(Html.esc(label(classes, i))).append("</th>");
            for (int j = 0; j < matrix.get(i).size(); j++) {
                long n = matrix.get(i).get(j).asLong();
                double shade = (double) n / max;
                sb.append(f("<td class=\"%s\" style=\"background:rgba(%s,%.2f)\">%d</td>", i == j ? "hit" : "miss",
                        i == j ? "44,160,44" : "214,39,40", 0.08 + 0.7 * shade, n));
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String label(JsonNode classes, int i) {
        return i < classes.size() ? classes.get(i).asText() : "class " + i;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
