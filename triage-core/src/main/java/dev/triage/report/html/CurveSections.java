package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;

/** The training curves: losses with the learning rate, and the validation metric per epoch. */
final class CurveSections {
    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#17becf", "#bcbd22", "#7f7f7f"};

    private CurveSections() {
    }

    static String render(RunFiles run) {
        Signals s = new Signals(run.signals());
        StringBuilder sb = new StringBuilder("<section id=\"training\">\n<h2>Training</h2>\n");
        if (s.empty()) {
            return sb.append("<p>No training was recorded for this run.</p>\n</section>\n").toString();
        }
        sb.append(loss(s, run.report()).render());
        sb.append(metric(s, run.report()).render());
        return sb.append("</section>\n").toString();
    }

    /** RMSE clipped at 10x the trivial baseline's (worse than that is just "diverged"); accuracy on 0..1. */
    private static LineChart metric(Signals s, JsonNode report) {
        boolean regression = "regression".equals(Html.text(report.path("data"), "task"));
        double[] values = s.epochs("validationMetric");
        LineChart metric = new LineChart("metric", "Validation " + (regression ? "RMSE (target units)" : "accuracy")
                + " per epoch", "epoch", regression ? "rmse" : "accuracy", false)
                .series("validation", s.epochs("epoch"), values, PALETTE[1], "line")
                .note("The model is judged on this split; the test split is scored once at the end.");
        if (!regression) {
            return metric.range(0, 1);
        }
        double trivial = Html.num(report.path("baselines").path("trivial").get("val_rmse"));
        return metric.clipAbove(10 * (Double.isFinite(trivial) && trivial > 0 ? trivial : first(values)));
    }

    /** The first finite, positive value of the series, in order; NaN when none. */
    static double first(double[]... series) {
        for (double[] s : series) {
            for (double v : s) {
                if (Double.isFinite(v) && v > 0) {
                    return v;
                }
            }
        }
        return Double.NaN;
    }

    private static LineChart loss(Signals s, JsonNode report) {
        double[] steps = s.array("step_numbers");
        double[] stepLoss = s.array("step_losses");
        double[] epochSteps = s.epochs("step");
        double[] train = s.epochs("trainLoss");
        double[] val = s.epochs("validationLoss");
        double limit = 1000 * first(stepLoss, train);
        boolean log = wideRange(clip(stepLoss, limit), clip(train, limit), clip(val, limit));
        LineChart c = new LineChart("loss", "Loss per step (training batches) and per epoch, with the learning rate",
                "step", "loss", log)
                .series("batch loss", steps, stepLoss, "#9ab8d8", "faint")
                .series("batch loss (smoothed)", steps, Smooth.ema(stepLoss, log), "#5b8fc7", "line")
                .series("training loss (epoch)", epochSteps, train, PALETTE[0], "line")
                .series("validation loss (epoch)", epochSteps, val, PALETTE[1], "line")
                .rightSeries("learning rate", epochSteps, s.epochs("learningRate"), "#555555", "learning rate", true)
                .clipAbove(limit)
                .note("Losses in the network's units (scaled target for regression); the raw batch losses are faint, their moving"
                        + " average solid. A gap in a line is a non-finite value. Vertical marks: where a finding fired.");
        markers(c, report, epochSteps, s.epochs("epoch"), false);
        return c;
    }

    /** The values with those above {@code limit} capped at it (what the clipped chart draws). */
    static double[] clip(double[] values, double limit) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] > limit ? limit : out[i];
        }
        return out;
    }

    /** Adds a marker per finding that fired during training, at its step (or the end of its epoch). */
    static void markers(LineChart c, JsonNode report, double[] epochSteps, double[] epochs, boolean layerOnly) {
        for (JsonNode f : drawnFindings(report)) {
            if (!f.path("epoch").isNumber() || (layerOnly && Html.text(f, "where").isEmpty())) {
                continue;
            }
            double x = f.path("step").isNumber() ? f.get("step").asDouble() : stepOfEpoch(f.get("epoch").asInt(), epochSteps, epochs);
            String where = Html.text(f, "where");
            c.marker(x, Html.text(f, "code") + (where.isEmpty() ? "" : " at " + where) + ": " + Html.text(f, "message"),
                    Html.text(f, "severity"));
        }
    }

    /** The findings of the run the curves show: after a repair, those of the final run. */
    static JsonNode drawnFindings(JsonNode report) {
        JsonNode repair = report.path("repair");
        return repair.path("attempted").asBoolean(false) ? repair.path("final_findings") : report.path("findings");
    }

    private static double stepOfEpoch(int epoch, double[] steps, double[] epochs) {
        for (int i = 0; i < epochs.length; i++) {
            if (epochs[i] == epoch) {
                return steps[i];
            }
        }
        return Double.NaN;
    }

    /** A log axis when every loss is positive and they span more than two decades (a diverging run). */
    static boolean wideRange(double[]... series) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] s : series) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    if (v <= 0) {
                        return false;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > 0 && max / min > 100;
    }
}
