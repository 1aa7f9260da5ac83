package dev.triage.train;

import dev.triage.config.ScheduleConfig;

/**
 * The learning rate of each epoch (1-based). Reduce-on-plateau is the only stateful schedule: it
 * watches the validation loss and multiplies the rate by {@code gamma} after {@code patience} epochs
 * without a relative improvement of {@value #PLATEAU_THRESHOLD}.
 */
public final class LearningRateSchedule {
    /** Relative improvement that resets reduce-on-plateau's patience (PyTorch's default). */
    public static final double PLATEAU_THRESHOLD = 1e-4;

    private final ScheduleConfig cfg;
    private final double base;
    private final int totalEpochs;
    private double factor = 1;
    private double best = Double.POSITIVE_INFINITY;
    private int wait;

    public LearningRateSchedule(ScheduleConfig cfg, double base, int totalEpochs) {
        this.cfg = cfg;
        this.base = base;
        this.totalEpochs = Math.max(1, totalEpochs);
    }

    public double rate(int epoch) {
        double min = cfg.minLearningRate();
        int e = epoch - 1;
        double r = switch (cfg.type()) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(cfg.gamma(), Math.floorDiv(e, cfg.stepSize()));
            case EXPONENTIAL -> base * Math.pow(cfg.gamma(), e);
            case COSINE -> cosine(min, e, totalEpochs);
            case REDUCE_ON_PLATEAU -> base * factor;
            case WARMUP_COSINE -> epoch <= cfg.warmupEpochs()
                    ? base * epoch / (cfg.warmupEpochs() + 0.0)
                    : cosine(min, epoch - cfg.warmupEpochs() - 1, Math.max(1, totalEpochs - cfg.warmupEpochs()));
        };
        return Math.max(min, r);
    }

    private double cosine(double min, int e, int total) {
        return min + (base - min) * (1 + Math.cos(Math.PI * e / total)) / 2;
    }

    /** Tells reduce-on-plateau the epoch's validation loss. */
    public void observe(double validationLoss) {
        if (cfg.type() != dev.triage.config.ScheduleType.REDUCE_ON_PLATEAU || !Double.isFinite(validationLoss)) {
            return;
        }
        if (validationLoss < best * (1 - PLATEAU_THRESHOLD)) {
            best = validationLoss;
            wait = 0;
        } else if (++wait >= cfg.patience()) {
            factor *= cfg.gamma();
            wait = 0;
        }
    }

    public double[] state() {
        return new double[] {factor, best, wait};
    }

    public void restore(double[] state) {
        factor = state[0];
        best = state[1];
        wait = (int) state[2];
    }
}
