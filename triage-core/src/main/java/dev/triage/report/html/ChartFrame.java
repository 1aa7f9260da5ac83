package dev.triage.report.html;

import java.util.List;
import java.util.Locale;

/**
 * The axes of one {@link LineChart} once its data is known, and the SVG pieces drawn on them. When the
 * chart asks for it, values far beyond the run's starting level (a diverged loss of 1e53) are clipped:
 * the axis ends at the limit, they are drawn on its top edge, and the chart says so.
 */
final class ChartFrame {
    /** Approximate width of one character of a marker label, in pixels. */
    private static final double CHAR_PX = 5.6;
    private final Axis x;
    private final Axis left;
    private final Axis right;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private final Clipped clipped;

    /** The highest value drawn at the top edge: which series, where, and the limit it was clipped at. */
    record Clipped(double limit, double highest, String series, double at) {
    }

    /** How the axes are chosen (see {@link LineChart}). */
    record Spec(boolean logX, boolean logLeft, boolean logRight, double bandLow, double bandHigh, double clipAbove,
                double fixedLow, double fixedHigh, List<Double> markerXs) {
    }

    private ChartFrame(Axis x, Axis left, Axis right, double[] box, Clipped clipped) {
        this.x = x;
        this.left = left;
        this.right = right;
        this.x0 = box[0];
        this.x1 = box[1];
        this.y0 = box[2];
        this.y1 = box[3];
        this.clipped = clipped;
    }

    /** The frame for these series in the box {x0, x1, y0 (bottom), y1 (top)}, or null when no point can be drawn. */
    static ChartFrame of(List<LineChart.Series> all, Spec spec, double[] box) {
        Range xs = new Range(spec.logX());
        Range ls = new Range(spec.logLeft());
        Range rs = new Range(spec.logRight());
        Clipped top = null;
        for (LineChart.Series s : all) {
            Range ys = s.right() ? rs : ls;
            for (int i = 0; i < s.y().length; i++) {
                if (ys.accepts(s.y()[i]) && xs.accepts(s.x()[i])) {
                    ys.add(s.y()[i]);
                    xs.add(s.x()[i]);
                    boolean beyond = !s.right() && s.y()[i] > spec.clipAbove() && (top == null || s.y()[i] > top.highest());
                    top = beyond ? new Clipped(spec.clipAbove(), s.y()[i], s.name(), s.x()[i]) : top;
                }
            }
        }
        if (ls.empty()) {
            return null;
        }
        spec.markerXs().stream().filter(xs::accepts).forEach(xs::extend);
        if (!Double.isNaN(spec.bandLow())) {
            ls.add(spec.bandLow());
            ls.add(spec.bandHigh());
        }
        if (top != null) {
            ls.max = top.limit();
            ls.min = spec.logLeft() ? Math.min(ls.min, top.limit()) : Math.min(0, Math.min(ls.min, top.limit()));
        }
        Axis leftAxis = Double.isNaN(spec.fixedLow()) ? Axis.of(ls.min, ls.max, spec.logLeft(), box[2], box[3])
                : Axis.exact(spec.fixedLow(), spec.fixedHigh(), box[2], box[3]);
        Axis rightAxis = rs.empty() ? null : Axis.of(rs.min, rs.max, spec.logRight(), box[2], box[3]);
        Axis xAxis = spec.logX() ? Axis.of(xs.min, xs.max, true, box[0], box[1])
                : xs.integers ? Axis.counting(xs.min, xs.max, box[0], box[1]) : Axis.of(xs.min, xs.max, false, box[0], box[1]);
        Clipped shown = top == null || top.highest() <= leftAxis.max() ? null
                : new Clipped(leftAxis.max(), top.highest(), top.series(), top.at());
        return new ChartFrame(xAxis, leftAxis, rightAxis, box, shown);
    }

    /** What was clipped, or null. */
    Clipped clipped() {
        return clipped;
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
        if (clipped != null) {
            sb.append(f("<line class=\"clip-edge\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x0, y1, x1, y1));
            sb.append(f("<text class=\"clip\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">▲ clipped above %s</text>%n", x1, y1 - 3,
                    left.label(clipped.limit())));
        }
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

    /** One series as a path with gaps at points the axis cannot show, plus dots for short series; clipped values on the top edge. */
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
            if (i < 0 || !x.plottable(s.x()[i])) {
                pen = false;
                continue;
            }
            double px = x.px(s.x()[i]);
            double py = Math.max(y1, Math.min(y0, ys.px(s.y()[i])));
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

    /** A vertical mark with a short label on {@code row} (rows keep nearby labels apart); labels near the right edge end at the line. */
    String marker(LineChart.Marker m, int row) {
        if (!Double.isFinite(m.x())) {
            return "";
        }
        double px = markerPx(m);
        String label = shortCode(m.label());
        boolean flip = flips(m);
        return f("<g class=\"marker %s\" data-marker=\"%s\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text><title>%s</title></g>%n", m.severity(), Html.esc(m.label()),
                px, y1, px, y0, flip ? px - 3 : px + 3, y1 + 10 + 11 * row, flip ? " text-anchor=\"end\"" : "",
                Html.esc(label), Html.esc(m.label()));
    }

    double markerPx(LineChart.Marker m) {
        return Math.max(x0, Math.min(x1, x.px(m.x())));
    }

    static double labelWidth(LineChart.Marker m) {
        return shortCode(m.label()).length() * CHAR_PX + 8;
    }

    /** Whether the label would run past the right edge, so it is drawn to the left of its line. */
    boolean flips(LineChart.Marker m) {
        return markerPx(m) + labelWidth(m) > x1;
    }

    private static String shortCode(String label) {
        int space = label.indexOf(' ');
        String code = space > 0 ? label.substring(0, space) : label;
        return code.endsWith(":") ? code.substring(0, code.length() - 1) : code;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** The extent of the values an axis will show. */
    private static final class Range {
        private final boolean log;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integers = true;

        Range(boolean log) {
            this.log = log;
        }

        boolean accepts(double v) {
            return Double.isFinite(v) && (!log || v > 0);
        }

        void add(double v) {
            extend(v);
            integers &= v == Math.rint(v);
        }

        /** Widens the range to {@code v} without it counting as data (a marker's position). */
        void extend(double v) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        boolean empty() {
            return min > max;
        }
    }
}
