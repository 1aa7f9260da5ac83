package dev.triage.train;

import dev.triage.config.EarlyStoppingConfig;

/** Counts epochs without an improvement of the monitored loss larger than {@code min_delta}. */
public final class EarlyStopping {
    private final EarlyStoppingConfig cfg;
    private double best = Double.POSITIVE_INFINITY;
    private int wait;

    public EarlyStopping(EarlyStoppingConfig cfg) {
        this.cfg = cfg;
    }

    /** Records an epoch's loss; true when training should stop. */
    public boolean observe(double loss) {
        if (Double.isFinite(loss) && loss < best - cfg.minDelta()) {
            best = loss;
            wait = 0;
            return false;
        }
        wait++;
        return wait >= cfg.patience();
    }

    /** Whether the epochs observed so far have used up the patience (a restored state may say so). */
    public boolean triggered() {
        return wait >= cfg.patience();
    }

    public int epochsWithoutImprovement() {
        return wait;
    }

    public double[] state() {
        return new double[] {best, wait};
    }

    public void restore(double[] state) {
        best = state[0];
        wait = (int) state[1];
    }
}
