package dev.triage.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG line chart: several series against a shared x axis, a linear or log left axis, an
 * optional right axis (e.g. the learning rate), a shaded healthy band, and vertical markers where
 * findings fired. Each series' path carries {@code data-series} and {@code data-points} so a test (or
 * a curious user) can see what was drawn.
 */
final class LineChart {
    static final int W = 880;
    static final int H = 300;
    private static final int LEFT = 72;
    private static final int RIGHT = 72;
    private static final int TOP = 14;
    private static final int BOTTOM = 44;
    /** Series with at most this many points also get a dot per point. */
    private static final int DOTS_UP_TO = 60;

    record Series(String name, double[] x, double[] y, String color, String style, boolean right) {
    }

    record Marker(double x, String label, String severity) {
    }

    private final String id;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private String rightLabel;
    private boolean rightLog;
    private double bandLow = Double.NaN;
    private double bandHigh = Double.NaN;
    private double target = Double.NaN;
    private String note = "";
    private boolean logX;
    private double clipAbove = Double.NaN;
    private double fixedLow = Double.NaN;
    private double fixedHigh = Double.NaN;
    private String markerLegend = "finding fired";

    LineChart(String id, String title, String xLabel, String yLabel, boolean logY) {
        this.id = id;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    LineChart series(String name, double[] x, double[] y, String color, String style) {
        series.add(new Series(name, x, y, color, style, false));
        return this;
    }

    LineChart rightSeries(String name, double[] x, double[] y, String color, String label, boolean log) {
        series.add(new Series(name, x, y, color, "dashed", true));
        rightLabel = label;
        rightLog = log;
        return this;
    }

    /** A shaded healthy range with a line at the target inside it. */
    LineChart band(double low, double high, double targetValue) {
        bandLow = low;
        bandHigh = high;
        target = targetValue;
        return this;
    }

    LineChart marker(double x, String label, String severity) {
        markers.add(new Marker(x, label, severity));
        return this;
    }

    /** A base-10 logarithmic x axis (learning rates). */
    LineChart logX() {
        logX = true;
        return this;
    }

    /**
     * Values of the left axis above {@code limit} (when it is finite) are drawn on the top edge of a plot
     * that ends at the limit, and the chart names the highest one: a diverged run's 1e53 no longer
     * flattens everything else.
     */
    LineChart clipAbove(double limit) {
        clipAbove = limit;
        return this;
    }

    /** The left axis spans exactly [low, high] (fractions: 0..1). */
    LineChart range(double low, double high) {
        fixedLow = low;
        fixedHigh = high;
        return this;
    }

    /** What the vertical marks stand for, in the legend ("finding fired" unless said otherwise). */
    LineChart markerLegend(String text) {
        markerLegend = text;
        return this;
    }

    /** A sentence under the chart saying how to read it. */
    LineChart note(String text) {
        note = text;
        return this;
    }

    String render() {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<figure class=\"chart\" id=\"chart-").append(id).append("\">\n<figcaption>").append(Html.esc(title))
                .append("</figcaption>\n");
        ChartFrame.Spec spec = new ChartFrame.Spec(logX, logY, rightLog, bandLow, bandHigh, clipAbove, fixedLow, fixedHigh,
                markers.stream().map(Marker::x).toList());
        ChartFrame frame = ChartFrame.of(series, spec, new double[] {LEFT, W - RIGHT, H - BOTTOM, TOP});
        if (frame == null) {
            sb.append("<p class=\"empty\" data-chart=\"").append(id).append("\" data-points=\"0\">Nothing was recorded for this chart.</p>\n");
        } else {
            sb.append(svg(frame));
            sb.append(legend());
            sb.append(clipNote(frame.clipped()));
        }
        if (!note.isEmpty()) {
            sb.append("<p class=\"note\">").append(Html.esc(note)).append("</p>\n");
        }
        return sb.append("</figure>\n").toString();
    }

    private String svg(ChartFrame f) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" data-chart=\"%s\"%s>%n",
                W, H, Html.esc(title), id, f.clipped() == null ? "" : " data-clipped=\"" + f.clipped().limit() + "\""));
        sb.append(String.format(Locale.ROOT, "<rect class=\"plot\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
                LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
        if (!Double.isNaN(bandLow)) {
            sb.append(f.band(bandLow, bandHigh, target));
        }
        sb.append(f.grid(xLabel, yLabel, rightLabel));
        for (Series s : series) {
            sb.append(f.path(s, s.x().length <= DOTS_UP_TO));
        }
        sb.append(markers(f));
        return sb.append("</svg>\n").toString();
    }

    /** Markers left to right; a label that would run into the one before it goes one row lower (up to four rows). */
    private String markers(ChartFrame f) {
        List<Marker> sorted = new ArrayList<>(markers);
        sorted.sort(java.util.Comparator.comparingDouble(Marker::x));
        double[] rowEnds = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        StringBuilder sb = new StringBuilder();
        for (Marker m : sorted) {
            double px = f.markerPx(m);
            double start = f.flips(m) ? px - ChartFrame.labelWidth(m) : px;
            int row = 0;
            while (row < rowEnds.length - 1 && rowEnds[row] > start) {
                row++;
            }
            rowEnds[row] = Math.max(rowEnds[row], start + ChartFrame.labelWidth(m));
            sb.append(f.marker(m, row));
        }
        return sb.toString();
    }

    private String clipNote(ChartFrame.Clipped c) {
        if (c == null) {
            return "";
        }
        return "<p class=\"note clipped\">Values above " + Html.num(c.limit()) + ", the top of the axis, are drawn on its edge (the run"
                + " diverged): the"
                + " highest is " + Html.num(c.highest()) + " (" + Html.esc(c.series()) + ", " + Html.esc(xLabel) + " " + Html.num(c.at())
                + ").</p>\n";
    }

    private String legend() {
        StringBuilder sb = new StringBuilder("<div class=\"legend\">");
        for (Series s : series) {
            sb.append("<span><i class=\"swatch ").append(s.style()).append("\" style=\"border-color:").append(s.color())
                    .append("\"></i>").append(Html.esc(s.name())).append(s.right() ? " (right axis)" : "").append("</span>");
        }
        if (!Double.isNaN(bandLow)) {
            sb.append("<span><i class=\"swatch band\"></i>healthy range</span>");
        }
        if (!markers.isEmpty()) {
            sb.append("<span><i class=\"swatch marker\"></i>").append(Html.esc(markerLegend)).append("</span>");
        }
        return sb.append("</div>\n").toString();
    }
}
