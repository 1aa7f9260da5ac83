package dev.triage.nn.f32;

/**
 * Limited-memory BFGS over the full batch: the two-loop recursion with the last {@value #HISTORY}
 * curvature pairs and a backtracking line search (Armijo condition). Arithmetic is in double; the
 * objective rounds the point to the engine's precision when it evaluates it.
 */
final class LbfgsF32 {
    static final int HISTORY = dev.triage.config.OptimizerProfile.LBFGS_HISTORY;
    static final double ARMIJO = 1e-4;
    static final int MAX_EVALUATIONS = 25;

    /** Sets the network's parameters to {@code x}, returns the loss and writes its gradient. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    private final int n;
    private final double[][] s = new double[HISTORY][];
    private final double[][] y = new double[HISTORY][];
    private final double[] rho = new double[HISTORY];
    private final double[] alpha = new double[HISTORY];
    private final double[] g;
    private final double[] d;
    private final double[] trial;
    private final double[] trialGradient;
    private int count;
    private int head;
    private long iterations;
    private boolean started;
    private double f;

    LbfgsF32(int n) {
        this.n = n;
        g = new double[n];
        d = new double[n];
        trial = new double[n];
        trialGradient = new double[n];
    }

    /** One iteration from {@code x} (updated in place); returns the loss at the new point. */
    double step(double[] x, Objective objective, double learningRate) {
        if (!started) {
            f = objective.evaluate(x, g);
            started = true;
        }
        direction();
        double gtd = dot(g, d);
        if (!(gtd < -1e-20)) {
            count = 0;
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            gtd = dot(g, d);
        }
        double t = iterations == 0 ? Math.min(1, 1 / Math.max(1e-12, l1(g))) * learningRate : learningRate;
        iterations++;
        for (int k = 0; k < MAX_EVALUATIONS && gtd < 0; k++, t *= 0.5) {
            for (int i = 0; i < n; i++) {
                trial[i] = x[i] + t * d[i];
            }
            double ft = objective.evaluate(trial, trialGradient);
            if (Double.isFinite(ft) && ft <= f + ARMIJO * t * gtd) {
                accept(x, ft);
                return f;
            }
        }
        objective.evaluate(x, g);
        return f;
    }

    private void accept(double[] x, double ft) {
        double[] sv = s[head] == null ? new double[n] : s[head];
        double[] yv = y[head] == null ? new double[n] : y[head];
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sv[i] = trial[i] - x[i];
            yv[i] = trialGradient[i] - g[i];
            sy += sv[i] * yv[i];
        }
        if (sy > 1e-10) {
            s[head] = sv;
            y[head] = yv;
            rho[head] = 1 / sy;
            head = (head + 1) % HISTORY;
            count = Math.min(count + 1, HISTORY);
        }
        System.arraycopy(trial, 0, x, 0, n);
        System.arraycopy(trialGradient, 0, g, 0, n);
        f = ft;
    }

    /** d = -H g by the two-loop recursion (H scaled by s'y / y'y of the newest pair). */
    private void direction() {
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        for (int k = 0; k < count; k++) {
            int j = Math.floorMod(head - 1 - k, HISTORY);
            alpha[j] = rho[j] * dot(s[j], d);
            axpy(-alpha[j], y[j], d);
        }
        if (count > 0) {
            int newest = Math.floorMod(head - 1, HISTORY);
            double gamma = 1 / (rho[newest] * dot(y[newest], y[newest]));
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
        }
        for (int k = count - 1; k >= 0; k--) {
            int j = Math.floorMod(head - 1 - k, HISTORY);
            double beta = rho[j] * dot(y[j], d);
            axpy(alpha[j] - beta, s[j], d);
        }
    }

    double[] gradient() {
        return g;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double l1(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** [started, f, count, head, iterations, rho(HISTORY), g(n), s(count x n), y(count x n)] in storage order. */
    double[] state() {
        double[] out = new double[5 + HISTORY + n + 2 * HISTORY * n];
        out[0] = started ? 1 : 0;
        out[1] = f;
        out[2] = count;
        out[3] = head;
        out[4] = iterations;
        System.arraycopy(rho, 0, out, 5, HISTORY);
        System.arraycopy(g, 0, out, 5 + HISTORY, n);
        for (int j = 0; j < HISTORY; j++) {
            int at = 5 + HISTORY + n + 2 * j * n;
            if (s[j] != null) {
                System.arraycopy(s[j], 0, out, at, n);
                System.arraycopy(y[j], 0, out, at + n, n);
            }
        }
        return out;
    }

    void restore(double[] st) {
        if (st.length != 5 + HISTORY + n + 2 * HISTORY * n) {
            throw new IllegalArgumentException("L-BFGS state has " + st.length + " values for " + n + " parameters");
        }
        started = st[0] != 0;
        f = st[1];
        count = (int) st[2];
        head = (int) st[3];
        iterations = (long) st[4];
        System.arraycopy(st, 5, rho, 0, HISTORY);
        System.arraycopy(st, 5 + HISTORY, g, 0, n);
        for (int j = 0; j < HISTORY; j++) {
            int at = 5 + HISTORY + n + 2 * j * n;
            s[j] = java.util.Arrays.copyOfRange(st, at, at + n);
            y[j] = java.util.Arrays.copyOfRange(st, at + n, at + 2 * n);
        }
    }
}
