package dev.triage.report.html;

import java.util.ArrayList;
import java.util.List;

/** Maps data values to pixels along one axis, linear or base-10 logarithmic, and chooses readable ticks. */
final class Axis {
    private final double lo;
    private final double hi;
    private final boolean log;
    private final double from;
    private final double to;
    private final boolean integers;

    private Axis(double lo, double hi, boolean log, double from, double to, boolean integers) {
        this.lo = lo;
        this.hi = hi;
        this.log = log;
        this.from = from;
        this.to = to;
        this.integers = integers;
    }

    private Axis(double lo, double hi, boolean log, double from, double to) {
        this(lo, hi, log, from, to, false);
    }

    /** A linear axis over exactly [lo, hi] (a fraction's 0..1), without padding. */
    static Axis exact(double lo, double hi, double from, double to) {
        return new Axis(lo, hi, false, from, to);
    }

    /** An axis whose values are whole numbers (steps, epochs): ticks are never fractions. */
    static Axis counting(double min, double max, double from, double to) {
        Axis a = of(min, max, false, from, to);
        return new Axis(a.lo, a.hi, false, from, to, true);
    }

    /** An axis over [min, max] (widened when empty or a single value) drawn from pixel {@code from} to {@code to}. */
    static Axis of(double min, double max, boolean log, double from, double to) {
        if (log) {
            double a = Math.floor(Math.log10(min));
            double b = Math.ceil(Math.log10(max));
            return new Axis(a, b > a ? b : a + 1, true, from, to);
        }
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            return new Axis(min - pad, max + pad, false, from, to);
        }
        double pad = (max - min) * 0.04;
        return new Axis(min - pad, max + pad, false, from, to);
    }

    boolean log() {
        return log;
    }

    /** The largest value the axis shows. */
    double max() {
        return log ? Math.pow(10, hi) : hi;
    }

    /** Whether a value can be drawn on this axis (finite, and positive on a log axis). */
    boolean plottable(double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    double px(double v) {
        double t = log ? Math.log10(v) : v;
        return from + (t - lo) / (hi - lo) * (to - from);
    }

    /** Tick values: powers of ten on a log axis (every second or third when there are many), 4–8 round numbers otherwise. */
    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        if (log) {
            int decades = (int) Math.round(hi - lo);
            int every = decades > 12 ? 3 : decades > 6 ? 2 : 1;
            for (int e = (int) lo; e <= (int) hi; e += every) {
                out.add(Math.pow(10, e));
            }
            return out;
        }
        double step = integers ? Math.max(1, niceStep((hi - lo) / 5)) : niceStep((hi - lo) / 5);
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
    }

    /** A tick label: 1e-3 style on log axes, short decimals otherwise. */
    String label(double v) {
        if (log) {
            int e = (int) Math.round(Math.log10(v));
            return e >= 0 && e <= 3 ? Html.num(v) : "1e" + e;
        }
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) {
            return Html.num(v);
        }
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }
}
