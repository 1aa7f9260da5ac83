package dev.triage.report.html;

/**
 * An exponential moving average for noisy per-batch series, bias-corrected so it starts at the first
 * value. On a log axis it averages logarithms (a geometric mean), so one huge batch does not lift the
 * line for many steps. A non-finite value breaks the line and restarts the average after it.
 */
final class Smooth {
    private Smooth() {
    }

    /** The smoothed series; the window is about a fortieth of the series (5 to 200 points). */
    static double[] ema(double[] y, boolean logScale) {
        int window = Math.max(5, Math.min(200, y.length / 40));
        double alpha = 2.0 / (window + 1);
        double[] out = new double[y.length];
        double avg = 0;
        double weight = 0;
        for (int i = 0; i < y.length; i++) {
            boolean usable = Double.isFinite(y[i]) && (!logScale || y[i] > 0);
            if (!usable) {
                out[i] = Double.NaN;
                avg = 0;
                weight = 0;
                continue;
            }
            double v = logScale ? Math.log(y[i]) : y[i];
            avg = (1 - alpha) * avg + alpha * v;
            weight = (1 - alpha) * weight + alpha;
            double m = avg / weight;
            out[i] = logScale ? Math.exp(m) : m;
        }
        return out;
    }
}
