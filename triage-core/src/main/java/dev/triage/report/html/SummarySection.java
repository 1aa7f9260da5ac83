package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The top of the report: the verdict, the data, final metrics beside the baselines, and what the config changed. */
final class SummarySection {
    private SummarySection() {
    }

    static String render(RunFiles run) {
        JsonNode r = run.report();
        StringBuilder sb = new StringBuilder("<section id=\"summary\">\n<h2>Summary</h2>\n");
        Verdict v = Verdict.of(r);
        sb.append("<p class=\"verdict ").append(v.cssClass()).append("\" data-verdict=\"").append(v.cssClass()).append("\">")
                .append(Html.esc(v.text())).append("</p>\n");
        sb.append("<div class=\"cols\">\n").append(data(r.path("data"))).append(metrics(run)).append("</div>\n");
        sb.append(r.path("user_settings").isObject() ? settings(r) : config(r.path("config")));
        return sb.append("</section>\n").toString();
    }

    private static String data(JsonNode d) {
        if (d.isMissingNode()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<table class=\"facts\"><caption>Data</caption>\n");
        row(sb, "file", Html.text(d, "path"));
        if (!Html.text(d, "test_path").isEmpty()) {
            row(sb, "test file", Html.text(d, "test_path"));
        }
        row(sb, "task", Html.text(d, "task") + " of " + Html.text(d, "target"));
        row(sb, "rows", Html.text(d, "rows") + " (" + Html.text(d, "train_rows") + " training, " + Html.text(d, "validation_rows")
                + " validation, " + Html.text(d, "test_rows") + " test)");
        row(sb, "network inputs", Html.text(d, "features"));
        if (d.has("classes")) {
            row(sb, "classes", d.get("classes").size() + ": " + join(d.get("classes")));
        }
        return sb.append("</table>\n").toString();
    }

    private static String metrics(RunFiles run) {
        JsonNode m = run.report().path("metrics");
        JsonNode base = run.report().path("baselines");
        boolean regression = "regression".equals(Html.text(run.report().path("data"), "task"));
        String metric = regression ? "rmse" : "accuracy";
        StringBuilder sb = new StringBuilder("<table class=\"metrics\"><caption>Results (").append(metric)
                .append(regression ? ", lower is better" : ", higher is better").append(")</caption>\n")
                .append("<tr><th>model</th><th>validation</th><th>test</th></tr>\n");
        if (!m.isMissingNode()) {
            double val = Html.num(run.signals().path("evaluation").get("validationMetric"));
            sb.append("<tr class=\"network\"><td>network (").append(Html.esc(Html.text(m, "epochs_run"))).append(" epochs, ")
                    .append(Html.esc(Html.text(m, "stop_reason"))).append(m.has("restored_epoch") ? "; weights of epoch "
                            + Html.esc(Html.text(m, "restored_epoch")) + " restored" : "").append(")</td><td>").append(Html.num(val)).append("</td><td>")
                    .append(Html.num(Html.num(m.path("test").get(metric)))).append("</td></tr>\n");
        }
        for (var it = base.fields(); it.hasNext(); ) {
            var e = it.next();
            sb.append("<tr><td>").append(Html.esc(e.getKey())).append(" baseline</td><td>")
                    .append(Html.num(Html.num(e.getValue().get("val_" + metric)))).append("</td><td>")
                    .append(Html.num(Html.num(e.getValue().get("test_" + metric)))).append("</td></tr>\n");
        }
        if (m.has("test")) {
            sb.append("<tr><td colspan=\"3\" class=\"small\">test: ").append(Html.esc(testLine(m.get("test")))).append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String testLine(JsonNode test) {
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("rmse", "mae", "r2", "accuracy", "log_loss", "macro_f1")) {
            if (test.has(k)) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(Html.num(Html.num(test.get(k))));
            }
        }
        return sb.toString();
    }

    /** The settings the user chose (with the defaults they replace), then those Triage chose. */
    private static String settings(JsonNode report) {
        JsonNode user = report.path("user_settings");
        StringBuilder sb = new StringBuilder("<details open><summary>Settings that differ from the defaults</summary>\n");
        if (user.isEmpty()) {
            sb.append("<p data-settings=\"0\">None: every setting you gave is Triage's default.</p>\n");
        } else {
            java.util.Map<String, String> defaults = ConfigDiff.defaults();
            sb.append("<table class=\"config\" data-settings=\"").append(user.size())
                    .append("\"><tr><th>key</th><th>you set</th><th>default</th></tr>\n");
            user.fields().forEachRemaining(e -> sb.append("<tr><td><code>").append(Html.esc(e.getKey())).append("</code></td><td>")
                    .append(Html.esc(RemedyDiff.yaml(e.getValue()))).append("</td><td>")
                    .append(Html.esc(defaults.getOrDefault(e.getKey(), "(not set)"))).append("</td></tr>\n"));
            sb.append("</table>\n");
        }
        List<ConfigDiff.Change> auto = ConfigDiff.chosenByTriage(report.path("config"), user);
        boolean repaired = report.path("repair").path("attempted").asBoolean(false);
        if (!auto.isEmpty()) {
            sb.append("<p class=\"small auto\">").append(repaired ? "Chosen by Triage or changed by the repair: " : "Chosen by Triage: ");
            auto.forEach(c -> sb.append("<code>").append(Html.esc(c.key())).append("</code> = ").append(Html.esc(c.value())).append("; "));
            sb.append("</p>\n");
        }
        return sb.append("</details>\n").toString();
    }

    private static String config(JsonNode config) {
        StringBuilder sb = new StringBuilder("<details open><summary>Settings that differ from the defaults</summary>\n");
        List<ConfigDiff.Change> set = ConfigDiff.changes(config, false);
        if (set.isEmpty()) {
            sb.append("<p>None: every setting is Triage's default.</p>\n");
        } else {
            sb.append("<table class=\"config\"><tr><th>key</th><th>this run</th><th>default</th></tr>\n");
            set.forEach(c -> sb.append("<tr><td><code>").append(Html.esc(c.key())).append("</code></td><td>").append(Html.esc(c.value()))
                    .append("</td><td>").append(Html.esc(c.defaultValue())).append("</td></tr>\n"));
            sb.append("</table>\n");
        }
        List<ConfigDiff.Change> auto = ConfigDiff.changes(config, true);
        if (!auto.isEmpty()) {
            sb.append("<p class=\"small\">Chosen automatically: ");
            auto.forEach(c -> sb.append("<code>").append(Html.esc(c.key())).append("</code> = ").append(Html.esc(c.value())).append("; "));
            sb.append("</p>\n");
        }
        return sb.append("</details>\n").toString();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("<tr><th>").append(name).append("</th><td>").append(Html.esc(value)).append("</td></tr>\n");
    }

    private static String join(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : array) {
            sb.append(sb.isEmpty() ? "" : ", ").append(c.asText());
        }
        return sb.toString();
    }
}
