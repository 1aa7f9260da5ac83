package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The repair timeline: every trial's remedies, score and decision, and the validation curves of all trials overlaid. */
final class RepairSection {
    private RepairSection() {
    }

    static String render(RunFiles run) {
        JsonNode repair = run.report().path("repair");
        if (!repair.path("attempted").asBoolean(false)) {
            return "";
        }
        boolean regression = "regression".equals(Html.text(run.report().path("data"), "task"));
        StringBuilder sb = new StringBuilder("<section id=\"repair\">\n<h2>Repair</h2>\n<p>")
                .append(Html.esc(Html.text(repair, "outcome") + ": " + Html.text(repair, "explanation"))).append("</p>\n");
        sb.append("<table class=\"trials\">\n<tr><th>trial</th><th>remedies applied</th>")
                .append(regression ? "<th>val_rmse (target units)</th><th>test rmse</th>"
                        : "<th>val_accuracy</th><th>val_log_loss</th><th>test accuracy</th>")
                .append("<th>decision</th></tr>\n");
        for (RunFiles.Trial t : run.trials()) {
            sb.append(row(t.entry(), regression));
        }
        sb.append("</table>\n").append(curves(run.trials()).render());
        return sb.append("</section>\n").toString();
    }

    /** One trial under the names the run's epoch lines use (the repair decides on val_loss: MSE or log loss). */
    private static String row(JsonNode e, boolean regression) {
        boolean kept = e.path("kept").asBoolean();
        double score = Html.num(e.get("val_loss"));
        double rmse = Html.num(e.get("val_rmse"));
        String metric = regression ? Html.num(Double.isNaN(rmse) ? Math.sqrt(score) : rmse)
                : Html.num(Html.num(e.get("val_accuracy"))) + "</td><td>" + Html.num(score);
        String decision = e.path("trial").asInt() == 0 ? "baseline of the repair: " + Html.text(e, "reason") : Html.text(e, "reason");
        return "<tr class=\"" + (kept ? "kept" : "dropped") + "\"><td>" + Html.esc(Html.text(e, "trial")) + "</td><td>"
                + Html.esc(remedies(e)) + "</td><td>" + metric + "</td><td>" + Html.num(Html.num(e.get("test_metric"))) + "</td><td>"
                + Html.esc(decision) + "</td></tr>\n";
    }

    private static LineChart curves(List<RunFiles.Trial> trials) {
        List<double[][]> lines = new ArrayList<>();
        for (RunFiles.Trial t : trials) {
            Signals s = new Signals(t.signals());
            lines.add(new double[][] {s.epochs("epoch"), s.epochs("validationLoss")});
        }
        double limit = 1000 * CurveSections.first(lines.stream().map(l -> l[1]).toArray(double[][]::new));
        boolean log = CurveSections.wideRange(lines.stream().map(l -> CurveSections.clip(l[1], limit)).toArray(double[][]::new));
        LineChart c = new LineChart("repair", "Validation loss of each trial", "epoch", "validation loss", log).clipAbove(limit)
                .note("Each trial retrains from scratch with the same seed. Remedies that rescale the target change the loss's units.");
        for (int i = 0; i < trials.size(); i++) {
            JsonNode e = trials.get(i).entry();
            String name = "trial " + Html.text(e, "trial") + ": " + remedies(e) + (e.path("kept").asBoolean() ? " (kept)" : "");
            c.series(name, lines.get(i)[0], lines.get(i)[1], CurveSections.PALETTE[i % CurveSections.PALETTE.length],
                    e.path("kept").asBoolean() ? "line" : "dashed");
        }
        return c;
    }

    private static String remedies(JsonNode e) {
        List<String> out = new ArrayList<>();
        e.path("remedies").forEach(r -> out.add(r.asText()));
        return out.isEmpty() ? "none (the original run)" : String.join(" + ", out);
    }
}
