package dev.triage.diagnose;

import dev.triage.probe.log.RunLog;

/**
 * How a run ended, judged against its baselines: the measure a prediction made before training (such as
 * "these unscaled features will break the run") is held against once the run is over.
 */
public final class Outcome {
    /** A classifier within this many accuracy points of the best baseline holds its own (or 2 standard errors, if wider). */
    static final double ACCURACY_TOLERANCE = 0.02;
    /** A regressor with at least this share of the best baseline's skill over the trivial predictor holds its own ... */
    static final double SKILL_SHARE = 0.9;
    /** ... unless its loss is more than this many times the best baseline's. */
    static final double LOSS_FACTOR = 5;
    /**
     * The best baseline's relative gain over the trivial predictor below which there is little to learn:
     * a regressor then holds its own by doing no worse than the trivial predictor.
     */
    public static final double LITTLE_TO_LEARN = 0.05;

    private Outcome() {
    }

    /**
     * Whether the final model holds its own against the best baseline on validation — a classifier within
     * 2 points of its accuracy (or 2 standard errors on this many validation rows); otherwise at least 90%
     * of its skill over the trivial predictor and at most 5 times its remaining loss, or — on data with
     * little to learn (the best baseline gains less than {@link #LITTLE_TO_LEARN} over the trivial
     * predictor) — no worse than the trivial predictor: whatever happened on the way, the run is not broken.
     * False while the run has no final evaluation or no baselines.
     */
    public static boolean holdsItsOwn(RunLog log) {
        var b = log.baselines();
        var best = b == null ? null : b.bestResult();
        var ev = log.evaluation();
        if (best == null || ev == null || !Double.isFinite(ev.validationScore())) {
            return false;
        }
        if ("accuracy".equals(best.metric())) {
            double p = best.validation();
            int rows = log.setup() == null ? 0 : log.setup().validationRows();
            double se = rows > 0 ? Math.sqrt(Math.max(p * (1 - p), 0.01) / rows) : 0;
            return ev.validationMetric() >= best.validation() - Math.max(ACCURACY_TOLERANCE, 2 * se);
        }
        double trivial = b.trivialResult().validationLoss();
        double share = (1 - ev.validationScore() / trivial) / (1 - best.validationLoss() / trivial);
        boolean littleToLearn = Double.isFinite(b.gain()) && b.gain() < LITTLE_TO_LEARN;
        return ev.validationScore() <= best.validationLoss()
                || share >= SKILL_SHARE && ev.validationScore() <= LOSS_FACTOR * best.validationLoss()
                || littleToLearn && ev.validationScore() <= trivial;
    }

    /** The numbers {@link #holdsItsOwn} compares: the final model's validation accuracy or loss and the best baseline's. */
    public static Evidence evidence(RunLog log) {
        var best = log.baselines().bestResult();
        var ev = log.evaluation();
        return "accuracy".equals(best.metric())
                ? Evidence.of("validation_accuracy", ev.validationMetric()).and("best_baseline_accuracy", best.validation())
                : Evidence.of("validation_loss", ev.validationScore()).and("best_baseline_loss", best.validationLoss());
    }

    /** Whether the run ended, without a non-finite value, holding its own against the best baseline. */
    public static boolean endedHealthy(RunLog log) {
        return log.evaluation() != null && log.nonFinite() == null && holdsItsOwn(log);
    }
}
