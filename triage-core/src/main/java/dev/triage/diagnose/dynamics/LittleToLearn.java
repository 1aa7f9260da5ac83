package dev.triage.diagnose.dynamics;

import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.RunLog;

/**
 * Data that leaves little for any model to learn: the best baseline improves on the trivial predictor
 * (the mean, the majority class) by less than {@link #MIN_GAIN}. A network that then predicts nearly the
 * mean, whose units go quiet or whose loss stalls, is doing about as well as anything can, so the symptom
 * rules report it one level lower: a warning rather than an error, an info rather than a warning. Calibration found every healthy run with such an error on one data
 * set whose best baseline gains 3.5% over the mean (docs/calibration.md); the faults these rules are
 * for (zero init, strong penalties, mismatched outputs) happen on data with plenty to learn.
 */
final class LittleToLearn {
    /** The best baseline's relative gain over the trivial one below which there is little to learn. */
    static final double MIN_GAIN = dev.triage.diagnose.Outcome.LITTLE_TO_LEARN;

    private LittleToLearn() {
    }

    static boolean applies(RunLog log) {
        Baselines b = log.baselines();
        return b != null && b.best() != null && Double.isFinite(b.gain()) && b.gain() < MIN_GAIN;
    }

    /** The finding one severity lower (an error a warning, a warning an info), with the baselines' gain, when there is little to learn. */
    static Finding soften(Finding f, RunLog log) {
        if (f.severity() == Severity.INFO || !applies(log)) {
            return f;
        }
        double gain = log.baselines().gain();
        Severity lower = f.severity() == Severity.ERROR ? Severity.WARNING : Severity.INFO;
        return f.revised(lower, " (" + lower.name().toLowerCase(java.util.Locale.ROOT) + ": the best baseline does only "
                + Fmt.pct(gain) + " better than the trivial predictor, so there may be little to learn from these features)",
                Evidence.of("best_baseline_gain", gain).and("gain_bound", MIN_GAIN));
    }
}
