package dev.triage.report;

import dev.triage.train.EpochEnded;
import dev.triage.train.RunEnded;
import dev.triage.train.RunStarted;
import dev.triage.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints training progress as plain lines: about ten evenly spaced epochs, the first and the last,
 * each with losses, the validation metric and the learning rate.
 */
public final class ProgressPrinter implements TrainingListener {
    private final PrintStream out;
    private int total;
    private int every;

    public ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onRunStart(RunStarted e) {
        total = e.totalEpochs();
        every = Math.max(1, total / 10);
        out.printf(Locale.ROOT, "training %d parameters on %d rows (%d validation), %d steps per epoch%n",
                e.parameterCount(), e.trainRows(), e.validationRows(), e.stepsPerEpoch());
    }

    @Override
    public void onEpochEnd(EpochEnded e) {
        if (e.epoch() == 1 || e.epoch() == total || e.epoch() % every == 0) {
            out.printf(Locale.ROOT, "  epoch %4d/%d  loss %s  val_loss %s  val_%s %s  lr %.3g%n", e.epoch(), total,
                    fmt(e.trainLoss()), fmt(e.validationLoss()), e.metricName(), fmt(e.validationMetric()), e.learningRate());
        }
    }

    @Override
    public void onRunEnd(RunEnded e) {
        out.printf(Locale.ROOT, "  stopped after %d epochs: %s%s%n", e.epochsRun(), e.reason().name().toLowerCase(Locale.ROOT),
                e.detail() == null ? "" : " (" + e.detail() + ")");
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }
}
