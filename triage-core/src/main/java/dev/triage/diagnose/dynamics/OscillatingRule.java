package dev.triage.diagnose.dynamics;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * TRAIN_LOSS_OSCILLATING: the training loss swings up and down from epoch to epoch without a trend.
 *
 * <p><b>Signal:</b> epoch means of the training loss (means over an epoch's batches already average
 * out mini-batch noise) over the last {@code window} epochs (default 20, at least 8): the mean
 * absolute change relative to the level (floored at 2% of the run's largest loss, so a loss near zero
 * does not inflate it) is at least {@code amplitude} (default 0.15), the direction changes in at least
 * {@code flips} (default 50%) of the epochs, and the net trend is smaller than the swings (calibrated: 10%
 * and 40% warned on 10.8% of healthy runs, small data sets with Adagrad or Nesterov; docs/calibration.md).
 * Healthy curves change by about 1-3% per epoch. Error from twice the amplitude, unless the loss settled
 * later and the run ended near its best (then a warning); an info when the run ended holding its own
 * against its best baseline. <b>Likely causes:</b>
 * a learning rate or momentum too high: steps overshoot the minimum. <b>Remedies:</b> lower the
 * learning rate, add a decaying schedule, use Adam.
 */
public final class OscillatingRule extends BaseRule {
    private final int window;
    private final double amplitude;
    private final double flips;

    public OscillatingRule() {
        this(20, 0.15, 0.5);
    }

    public OscillatingRule(int window, double amplitude, double flips) {
        super("loss-oscillating", "TRAIN_LOSS_OSCILLATING", Phase.TRAINING, Signal.EPOCH_LOSSES);
        this.window = window;
        this.amplitude = amplitude;
        this.flips = flips;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<EpochPoint> finite = log.epochs().stream().filter(p -> Double.isFinite(p.trainLoss())).toList();
        double[] all = Curves.epochs(finite, EpochPoint::trainLoss);
        // the first epoch at which the condition held: the same finding however often the rule runs
        for (int end = 8; end <= all.length; end++) {
            List<Finding> f = at(java.util.Arrays.copyOf(all, end), finite.get(end - 1), false);
            if (!f.isEmpty()) {
                boolean settled = end < all.length && CurveShape.recovered(log)
                        && at(all, finite.get(all.length - 1), false).isEmpty();
                List<Finding> found = settled ? at(java.util.Arrays.copyOf(all, end), finite.get(end - 1), true) : f;
                return found.stream().map(x -> harmless(x, log)).toList();
            }
        }
        return none();
    }

    /**
     * A warning about a run that ended holding its own against its best baseline becomes an info: the swings
     * cost it nothing measurable (calibration: 11% of healthy runs warned, most of them small data sets whose
     * runs matched the best baseline; docs/calibration.md). An error stays: swings of twice the bound.
     */
    private static Finding harmless(Finding f, RunLog log) {
        if (f.severity() != Severity.WARNING || !dev.triage.diagnose.Outcome.endedHealthy(log)) {
            return f;
        }
        return f.revised(Severity.INFO, " (info: the run held its own against its best baseline all the same;"
                + " a lower rate may still give a better model)", dev.triage.diagnose.Outcome.evidence(log));
    }

    /** The finding for the training losses {@code x} of the epochs up to {@code last}, or none; a warning once it settled. */
    private List<Finding> at(double[] x, EpochPoint last, boolean settled) {
        int w = Math.min(window, x.length / 2);
        double[] v = java.util.Arrays.copyOfRange(x, x.length - w, x.length);
        double level = Math.max(Curves.median(v), 0.02 * java.util.Arrays.stream(x).max().orElse(0));
        double swing = 0;
        int changes = 0;
        for (int i = 1; i < w; i++) {
            swing += Math.abs(v[i] - v[i - 1]);
            if (i > 1 && (v[i] - v[i - 1]) * (v[i - 1] - v[i - 2]) < 0) {
                changes++;
            }
        }
        double amp = swing / (w - 1) / level;
        double flipShare = changes / (double) (w - 2);
        double trend = Math.abs(Curves.mean(v, 0, w / 2) - Curves.mean(v, w / 2, w)) / level;
        if (!(amp >= amplitude && flipShare >= flips && trend < amp)) {
            return none();
        }
        String msg = "over the last " + w + " epochs the training loss swung by " + Fmt.pct(amp) + " of its level per epoch"
                + " and changed direction in " + Fmt.pct(flipShare) + " of them, without a trend: steps overshoot"
                + (settled ? CurveShape.ENDED_WELL : "");
        Severity sev = amp >= 2 * amplitude && !settled ? Severity.ERROR : Severity.WARNING;
        return List.of(during(sev, last.epoch(), last.step(), Subject.NONE, msg,
                Evidence.of("relative_swing", amp).and("direction_changes", flipShare).and("trend", trend)
                        .and("swing_bound", amplitude), Remedy.LOWER_LEARNING_RATE, Remedy.ADD_LR_SCHEDULE, Remedy.USE_ADAM));
    }
}
