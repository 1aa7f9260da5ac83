package dev.triage.diagnose.dynamics;

import dev.triage.diagnose.Remedy;
import dev.triage.probe.log.EpochPoint;
import java.util.List;

/**
 * How a training-loss curve ended, which decides the direction of a remedy: {@code ROSE} (the loss
 * ended more than twice its lowest value, or non-finite: steps too large), {@code FALLING} (still
 * improving by more than 1% per epoch on average over its last fifth: too few epochs or too small a
 * rate), or {@code FLAT}.
 */
enum CurveShape {
    ROSE, FALLING, FLAT;

    /** How a finding says the run got over it ({@link #recovered}). */
    static final String ENDED_WELL = "; the run recovered: it ended near its best loss or level with the best baseline";

    static CurveShape of(List<EpochPoint> epochs) {
        if (epochs.isEmpty()) {
            return FLAT;
        }
        double last = epochs.get(epochs.size() - 1).trainLoss();
        double lowest = epochs.stream().mapToDouble(EpochPoint::trainLoss).filter(Double::isFinite).min().orElse(Double.NaN);
        if (!Double.isFinite(last) || last > 2 * lowest) {
            return ROSE;
        }
        int window = Math.min(Math.max(2, epochs.size() / 5), epochs.size() - 1);
        if (window < 1) {
            return FLAT;
        }
        double before = epochs.get(epochs.size() - 1 - window).trainLoss();
        double perEpoch = (before - last) / Math.abs(before) / window;
        return perEpoch > 0.01 ? FALLING : FLAT;
    }

    /**
     * Whether a run that had trouble on the way ended well: it has ended (its final evaluation is
     * recorded) without a non-finite value, and either its final model scores as well as the best
     * baseline, or its training loss ended within twice its lowest value and so did its validation loss
     * (or the best epoch was restored).
     */
    static boolean recovered(dev.triage.probe.log.RunLog log) {
        if (log.evaluation() == null || log.nonFinite() != null) {
            return false;
        }
        if (beatsBaselines(log)) {
            return true;
        }
        if (of(log.epochs()) == ROSE) {
            return false;
        }
        double best = log.epochs().stream().mapToDouble(EpochPoint::validationLoss).filter(Double::isFinite).min()
                .orElse(Double.NaN);
        double last = log.epochs().get(log.epochs().size() - 1).validationLoss();
        return Double.isNaN(best) || log.evaluation().restoredBest() || last <= 2 * best;
    }

    /** Whether the final model holds its own against the best baseline on validation ({@link Outcome#holdsItsOwn}). */
    static boolean beatsBaselines(dev.triage.probe.log.RunLog log) {
        return dev.triage.diagnose.Outcome.holdsItsOwn(log);
    }

    /** Remedies for a network that does not reach the baselines, in the direction the curve points. */
    Remedy[] underfittingRemedies() {
        return switch (this) {
            case ROSE -> new Remedy[] {Remedy.LOWER_LEARNING_RATE, Remedy.CLIP_GRADIENTS, Remedy.INCREASE_CAPACITY};
            case FALLING -> new Remedy[] {Remedy.TRAIN_LONGER, Remedy.RAISE_LEARNING_RATE, Remedy.INCREASE_CAPACITY};
            case FLAT -> new Remedy[] {Remedy.REDUCE_REGULARIZATION, Remedy.INCREASE_CAPACITY, Remedy.RAISE_LEARNING_RATE,
                    Remedy.TRAIN_LONGER};
        };
    }
}
