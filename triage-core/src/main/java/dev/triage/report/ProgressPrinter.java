package dev.triage.report;

import dev.triage.train.BatchEnded;
import dev.triage.train.EpochEnded;
import dev.triage.train.RunEnded;
import dev.triage.train.RunStarted;
import dev.triage.train.TrainingListener;
import java.util.Locale;

/**
 * Shows training progress. Plain output: about ten evenly spaced epoch lines (every epoch with
 * {@code -v}), each with losses, the validation metric and the learning rate. On a terminal also a
 * live bar (epoch, share of the run done, last losses, time left) redrawn at most ten times a second.
 */
public final class ProgressPrinter implements TrainingListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 24;
    private final Terminal terminal;
    private final boolean restoresBest;
    private int total;
    private int every;
    private long stepsPerEpoch;
    private long started;
    private long lastDraw;
    private int epoch = 1;
    private double trainLoss = Double.NaN;
    private double validationLoss = Double.NaN;

    public ProgressPrinter(Terminal terminal) {
        this(terminal, false);
    }

    /** {@code restoresBest}: the run puts the best epoch's weights back at the end (early stopping's restore_best). */
    public ProgressPrinter(Terminal terminal, boolean restoresBest) {
        this.terminal = terminal;
        this.restoresBest = restoresBest;
    }

    @Override
    public void onRunStart(RunStarted e) {
        total = e.totalEpochs();
        every = terminal.progress() == Terminal.Progress.EVERY_EPOCH ? 1 : Math.max(1, total / 10);
        stepsPerEpoch = Math.max(1, e.stepsPerEpoch());
        started = System.nanoTime();
        terminal.clearStatus();
        if (terminal.progress() != Terminal.Progress.NONE) {
            terminal.out().printf(Locale.ROOT, "training %d parameters on %d rows (%d validation), %d steps per epoch%n",
                    e.parameterCount(), e.trainRows(), e.validationRows(), e.stepsPerEpoch());
        }
    }

    @Override
    public void onBatchEnd(BatchEnded e) {
        long now = System.nanoTime();
        if (terminal.live() && now - lastDraw > REDRAW_NANOS) {
            lastDraw = now;
            double inEpoch = (e.step() - (long) (e.epoch() - 1) * stepsPerEpoch) / (double) stepsPerEpoch;
            double done = (e.epoch() - 1 + Math.max(0, Math.min(1, inEpoch))) / Math.max(1, total);
            draw(Math.min(1.0, done), now);
        }
    }

    @Override
    public void onEpochEnd(EpochEnded e) {
        epoch = e.epoch() + 1;
        trainLoss = e.trainLoss();
        validationLoss = e.validationLoss();
        if (terminal.progress() != Terminal.Progress.NONE
                && (e.epoch() == 1 || e.epoch() == total || e.epoch() % every == 0)) {
            terminal.out().printf(Locale.ROOT, "  epoch %4d/%d  loss %s  val_loss %s  val_%s %s  lr %s%n", e.epoch(), total,
                    fmt(e.trainLoss()), fmt(e.validationLoss()), e.metricName(), fmt(e.validationMetric()),
                    Numbers.sig(e.learningRate(), 3));
        }
        if (terminal.live()) {
            draw(e.epoch() / (double) Math.max(1, total), System.nanoTime());
        }
    }

    @Override
    public void onRunEnd(RunEnded e) {
        terminal.clearStatus();
        if (terminal.progress() != Terminal.Progress.NONE) {
            boolean restored = restoresBest && e.bestEpoch() > 0 && e.bestEpoch() < e.epochsRun();
            terminal.out().printf(Locale.ROOT, "  stopped after %d epochs: %s%s%s%n", e.epochsRun(),
                    e.reason().name().toLowerCase(Locale.ROOT), e.detail() == null ? "" : " (" + e.detail() + ")",
                    restored ? "; restored the weights of its best epoch, " + e.bestEpoch() : "");
        }
    }

    private void draw(double done, long now) {
        int filled = (int) Math.round(done * BAR);
        double elapsed = (now - started) / 1e9;
        String eta = done > 0.01 ? clock(elapsed * (1 - done) / done) : "--:--";
        terminal.status(String.format(Locale.ROOT, "  epoch %d/%d [%s%s] %3.0f%%  loss %s  val_loss %s  ETA %s",
                Math.min(epoch, total), total, "#".repeat(filled), ".".repeat(BAR - filled), 100 * done, fmt(trainLoss),
                fmt(validationLoss), eta));
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Four significant digits: a loss of 1e-9 is not "0.0000" and a diverged one not 50 digits long. */
    static String fmt(double v) {
        return Double.isFinite(v) ? Numbers.sig(v, 4) : "n/a";
    }
}
