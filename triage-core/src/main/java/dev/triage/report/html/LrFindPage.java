package dev.triage.report.html;

import dev.triage.probe.LrRangeTest;
import dev.triage.report.Numbers;
import dev.triage.train.AtomicFiles;
import dev.triage.train.RunFolder;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code lr_find.html}: the learning-rate range test as a chart, loss against the rate on a log axis,
 * the raw batch losses faint and their smoothed curve solid, with the suggested rate, the rate of the
 * lowest loss and the divergence point marked; beside {@code lr_find.csv}.
 */
public final class LrFindPage {

    private LrFindPage() {
    }

    /** Writes the page into {@code folder}; {@code what} names the run (optimizer, data) in the header. */
    public static Path write(Path folder, LrRangeTest.Result r, String what) {
        Path out = new RunFolder(folder).lrFindHtml();
        AtomicFiles.write(out, render(r, what, folder.getFileName().toString()));
        return out;
    }

    static String render(LrRangeTest.Result r, String what, String name) {
        List<LrRangeTest.Point> points = r.points();
        double[] rate = points.stream().mapToDouble(LrRangeTest.Point::learningRate).toArray();
        double[] loss = points.stream().mapToDouble(LrRangeTest.Point::loss).toArray();
        double[] smoothed = points.stream().mapToDouble(LrRangeTest.Point::smoothed).toArray();
        double best = java.util.Arrays.stream(smoothed).filter(Double::isFinite).min().orElse(Double.NaN);
        double limit = 2 * Math.max(CurveSections.first(smoothed), 4 * best);
        boolean log = CurveSections.wideRange(CurveSections.clip(loss, limit), CurveSections.clip(smoothed, limit));
        LineChart chart = new LineChart("lr-find", "Loss against the learning rate (" + points.size() + " steps)", "learning rate",
                "loss", log).logX().clipAbove(limit)
                .series("batch loss", rate, loss, "#9ab8d8", "faint")
                .series("smoothed loss", rate, smoothed, CurveSections.PALETTE[0], "line")
                .marker(r.suggested(), "suggested=" + Numbers.sig(r.suggested(), 3) + ": steepest descent of the smoothed loss", "good")
                .marker(r.lowest(), "lowest-loss=" + Numbers.sig(r.lowest(), 3) + ": the rate of the lowest smoothed loss", "info")
                .markerLegend("suggested (green), lowest loss (blue), divergence (red)")
                .note("The rate grows exponentially, one step per batch. Train a little below where the loss falls fastest;"
                        + " past the divergence point the loss only grows.");
        if (Double.isFinite(r.divergence())) {
            chart.marker(r.divergence(), "diverged=" + Numbers.sig(r.divergence(), 3) + ": the smoothed loss passed 4x its lowest",
                    "error");
        }
        StringBuilder sb = new StringBuilder(Page.open("Learning-rate range test: " + name, what, ""));
        sb.append("<section id=\"lr-find\">\n<h2>Learning-rate range test</h2>\n<table class=\"facts\" data-suggested=\"")
                .append(r.suggested()).append("\">\n");
        row(sb, "suggested learning rate", Numbers.sig(r.suggested(), 3) + " (to use it: --set training.learning_rate="
                + Numbers.sig(r.suggested(), 3) + ")");
        row(sb, "rate of the lowest smoothed loss", Numbers.sig(r.lowest(), 3));
        row(sb, "diverged at", Double.isFinite(r.divergence()) ? Numbers.sig(r.divergence(), 3) : "did not diverge");
        sb.append("</table>\n").append(chart.render()).append("<p class=\"small\">The curve: lr_find.csv in this folder.</p>\n");
        return sb.append("</section>\n").append(Page.close()).toString();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("<tr><th>").append(Html.esc(name)).append("</th><td>").append(Html.esc(value)).append("</td></tr>\n");
    }
}
