package dev.triage.report.html;

import java.util.List;
import java.util.Locale;

/** The axes of one {@link LineChart} once its data is known, and the SVG pieces drawn on them. */
final class ChartFrame {
    private final Axis x;
    private final Axis left;
    private final Axis right;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;

    private ChartFrame(Axis x, Axis left, Axis right, double x0, double x1, double y0, double y1) {
        this.x = x;
        this.left = left;
        this.right = right;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
    }

    /** The frame for these series, or null when none of them has a point that can be drawn. */
    static ChartFrame of(List<LineChart.Series> all, boolean logLeft, boolean logRight, double bandLow, double bandHigh,
                         double x0, double x1, double y0, double y1) {
        Range xs = new Range(false);
        Range ls = new Range(logLeft);
        Range rs = new Range(logRight);
        for (LineChart.Series s : all) {
            Range ys = s.right() ? rs : ls;
            for (int i = 0; i < s.y().length; i++) {
                if (ys.accepts(s.y()[i]) && Double.isFinite(s.x()[i])) {
                    ys.add(s.y()[i]);
                    xs.add(s.x()[i]);
                }
            }
        }
        if (ls.empty()) {
            return null;
        }
        if (!Double.isNaN(bandLow)) {
            ls.add(bandLow);
            ls.add(bandHigh);
        }
        Axis right = rs.empty() ? null : Axis.of(rs.min, rs.max, logRight, y0, y1);
        return new ChartFrame(Axis.of(xs.min, xs.max, false, x0, x1), Axis.of(ls.min, ls.max, logLeft, y0, y1), right,
                x0, x1, y0, y1);
    }

    String grid(String xLabel, String yLabel, String rightLabel) {
        StringBuilder sb = new StringBuilder();
        for (double t : left.ticks()) {
            double py = left.px(t);
            sb.append(f("<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x0, py, x1, py));
            sb.append(f("<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", x0 - 6, py + 4, left.label(t)));
        }
        for (double t : x.ticks()) {
            double px = x.px(t);
            sb.append(f("<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", px, y1, px, y0));
            sb.append(f("<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", px, y0 + 16, x.label(t)));
        }
        if (right != null) {
            for (double t : right.ticks()) {
                sb.append(f("<text class=\"tick right\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x1 + 6, right.px(t) + 4, right.label(t)));
            }
            sb.append(f("<text class=\"axis\" transform=\"translate(%.1f %.1f) rotate(90)\" text-anchor=\"middle\">%s</text>%n",
                    x1 + 58, (y0 + y1) / 2, Html.esc(rightLabel)));
        }
        sb.append(f("<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", (x0 + x1) / 2, y0 + 36,
                Html.esc(xLabel)));
        sb.append(f("<text class=\"axis\" transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                x0 - 56, (y0 + y1) / 2, Html.esc(yLabel)));
        return sb.toString();
    }

    String band(double low, double high, double target) {
        double top = left.px(high);
        double bottom = left.px(low);
        String s = f("<rect class=\"band\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>%n", x0, top, x1 - x0, bottom - top);
        if (!Double.isNaN(target)) {
            double py = left.px(target);
            s += f("<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n", x0, py, x1, py);
        }
        return s;
    }

    /** One series as a path with gaps at points the axis cannot show, plus dots for short series. */
    String path(LineChart.Series s, boolean dots) {
        Axis ys = s.right() ? right : left;
        if (ys == null) {
            return "";
        }
        int[] idx = Downsample.indices(s.y(), ys);
        StringBuilder d = new StringBuilder(idx.length * 14);
        StringBuilder circles = new StringBuilder();
        boolean pen = false;
        int drawn = 0;
        for (int i : idx) {
            if (i < 0 || !Double.isFinite(s.x()[i])) {
                pen = false;
                continue;
            }
            double px = x.px(s.x()[i]);
            double py = ys.px(s.y()[i]);
            d.append(pen ? 'L' : 'M').append(f("%.1f %.1f ", px, py));
            if (dots) {
                circles.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", px, py, s.color()));
            }
            pen = true;
            drawn++;
        }
        int points = 0;
        for (double v : s.y()) {
            points += ys.plottable(v) ? 1 : 0;
        }
        return f("<path class=\"series %s\" stroke=\"%s\" d=\"%s\" data-series=\"%s\" data-points=\"%d\" data-drawn=\"%d\"/>%s%n",
                s.style(), s.color(), d.toString().trim(), Html.esc(s.name()), points, drawn, circles);
    }

    String marker(LineChart.Marker m) {
        if (!Double.isFinite(m.x())) {
            return "";
        }
        double px = Math.max(x0, Math.min(x1, x.px(m.x())));
        return f("<g class=\"marker %s\" data-marker=\"%s\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\">%s</text><title>%s</title></g>%n", m.severity(), Html.esc(m.label()),
                px, y1, px, y0, px + 3, y1 + 10, Html.esc(shortCode(m.label())), Html.esc(m.label()));
    }

    private static String shortCode(String label) {
        int space = label.indexOf(' ');
        return space > 0 ? label.substring(0, space) : label;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** The extent of the values an axis will show. */
    private static final class Range {
        private final boolean log;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        Range(boolean log) {
            this.log = log;
        }

        boolean accepts(double v) {
            return Double.isFinite(v) && (!log || v > 0);
        }

        void add(double v) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        boolean empty() {
            return min > max;
        }
    }
}
