package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The comparison page: results side by side (best in bold), validation curves overlaid, settings that differ. */
final class ComparePage {
    private static final List<String> LOWER_IS_BETTER = List.of("rmse", "mae", "log_loss");

    private ComparePage() {
    }

    static String render(List<ComparedRun> runs, Map<String, List<String>> differences) {
        String names = String.join(" · ", runs.stream().map(ComparedRun::name).toList());
        StringBuilder sb = new StringBuilder(Page.open("Triage comparison: " + runs.size() + " runs", names,
                "<a href=\"#results\">Results</a> <a href=\"#curves\">Curves</a> <a href=\"#settings\">Settings</a>"));
        sb.append(results(runs)).append(curves(runs)).append(settings(runs, differences));
        return sb.append(Page.close()).toString();
    }

    private static String results(List<ComparedRun> runs) {
        StringBuilder sb = new StringBuilder("<section id=\"results\">\n<h2>Results</h2>\n<table class=\"compare\" data-runs=\"")
                .append(runs.size()).append("\">\n<tr><th></th>");
        runs.forEach(r -> sb.append("<th>").append(Html.esc(r.name())).append("</th>"));
        sb.append("</tr>\n");
        textRow(sb, runs, "data", r -> Html.text(r.config().path("data"), "path").replaceAll(".*/", ""));
        textRow(sb, runs, "task", ComparedRun::task);
        textRow(sb, runs, "epochs", r -> r.report().path("metrics").isMissingNode() ? String.valueOf(r.curves().epochs("epoch").length)
                : Html.text(r.report().path("metrics"), "epochs_run") + " (" + Html.text(r.report().path("metrics"), "stop_reason") + ")");
        boolean regression = runs.get(0).regression();
        numberRow(sb, runs, "validation " + (regression ? "rmse" : "accuracy"), regression, ComparedRun::validationMetric);
        for (String k : regression ? List.of("rmse", "mae", "r2") : List.of("accuracy", "log_loss", "macro_f1")) {
            numberRow(sb, runs, "test " + k, LOWER_IS_BETTER.contains(k),
                    r -> Html.num(r.report().path("metrics").path("test").get(k)));
        }
        textRow(sb, runs, "findings", r -> counts(r.report().path("findings")));
        textRow(sb, runs, "repair", r -> Html.text(r.report().path("repair"), "outcome"));
        return sb.append("</table>\n<p class=\"note\">Best value of each row in bold.</p>\n</section>\n").toString();
    }

    /** A row of words; left out when no run has anything to say (no run was repaired). */
    private static void textRow(StringBuilder sb, List<ComparedRun> runs, String name, Function<ComparedRun, String> value) {
        if (runs.stream().map(value).allMatch(String::isBlank)) {
            return;
        }
        sb.append("<tr><th>").append(Html.esc(name)).append("</th>");
        runs.forEach(r -> sb.append("<td>").append(Html.esc(value.apply(r))).append("</td>"));
        sb.append("</tr>\n");
    }

    private static void numberRow(StringBuilder sb, List<ComparedRun> runs, String name, boolean lowerIsBetter,
                                  Function<ComparedRun, Double> value) {
        double best = Double.NaN;
        for (ComparedRun r : runs) {
            double v = value.apply(r);
            best = Double.isFinite(v) && (Double.isNaN(best) || (lowerIsBetter ? v < best : v > best)) ? v : best;
        }
        sb.append("<tr data-row=\"").append(Html.esc(name)).append("\"><th>").append(Html.esc(name)).append("</th>");
        for (ComparedRun r : runs) {
            double v = value.apply(r);
            sb.append(v == best ? "<td class=\"best\">" : "<td>").append(Html.num(v)).append("</td>");
        }
        sb.append("</tr>\n");
    }

    private static String counts(JsonNode findings) {
        int errors = 0;
        int warnings = 0;
        for (JsonNode f : findings) {
            errors += "error".equals(Html.text(f, "severity")) ? 1 : 0;
            warnings += "warning".equals(Html.text(f, "severity")) ? 1 : 0;
        }
        return findings.isMissingNode() ? "" : errors + " error(s), " + warnings + " warning(s)";
    }

    private static String curves(List<ComparedRun> runs) {
        boolean regression = runs.get(0).regression();
        LineChart metric = new LineChart("compare-val-metric", "Validation " + (regression ? "RMSE (target units)" : "accuracy")
                + " per epoch", "epoch", regression ? "rmse" : "accuracy", false);
        double[][] losses = runs.stream().map(r -> r.curves().epochs("validationLoss")).toArray(double[][]::new);
        double limit = 1000 * CurveSections.first(losses);
        boolean log = CurveSections.wideRange(java.util.Arrays.stream(losses).map(l -> CurveSections.clip(l, limit))
                .toArray(double[][]::new));
        LineChart loss = new LineChart("compare-val-loss", "Validation loss per epoch", "epoch", "validation loss", log).clipAbove(limit)
                .note("In each run's network units: runs that scale the target differently are compared by the metric below.");
        double trivial = Double.POSITIVE_INFINITY;
        for (int i = 0; i < runs.size(); i++) {
            ComparedRun r = runs.get(i);
            String color = CurveSections.PALETTE[i % CurveSections.PALETTE.length];
            loss.series(r.name(), r.curves().epochs("epoch"), losses[i], color, "line");
            if (r.regression() == regression) {
                metric.series(r.name(), r.curves().epochs("epoch"), r.curves().epochs("validationMetric"), color, "line");
            }
            double own = Html.num(r.report().path("baselines").path("trivial").get("val_rmse"));
            trivial = Double.isFinite(own) ? Math.min(trivial, own) : trivial;
        }
        metric = regression ? metric.clipAbove(Double.isFinite(trivial) ? 10 * trivial : Double.NaN) : metric.range(0, 1);
        return "<section id=\"curves\">\n<h2>Validation curves</h2>\n" + loss.render() + metric.render() + "</section>\n";
    }

    private static String settings(List<ComparedRun> runs, Map<String, List<String>> differences) {
        StringBuilder sb = new StringBuilder("<section id=\"settings\">\n<h2>Settings that differ</h2>\n");
        if (differences.isEmpty()) {
            return sb.append("<p data-differences=\"0\">The runs have the same settings.</p>\n</section>\n").toString();
        }
        sb.append("<table class=\"compare settings\" data-differences=\"").append(differences.size()).append("\">\n<tr><th>key</th>");
        runs.forEach(r -> sb.append("<th>").append(Html.esc(r.name())).append("</th>"));
        sb.append("</tr>\n");
        differences.forEach((k, values) -> {
            sb.append("<tr data-key=\"").append(Html.esc(k)).append("\"><td><code>").append(Html.breakable(k)).append("</code></td>");
            values.forEach(v -> sb.append("<td>").append(Html.esc(v)).append("</td>"));
            sb.append("</tr>\n");
        });
        return sb.append("</table>\n</section>\n").toString();
    }
}
