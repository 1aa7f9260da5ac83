package dev.triage.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code metrics.csv}, one row per epoch: epoch, step, learning_rate, train_loss, val_loss and
 * the validation metric. The file is rewritten atomically after every epoch, so it is never half
 * written; a resumed run keeps the rows of the epochs it continues from.
 */
public final class MetricsLog implements TrainingListener {
    private final Path file;
    private final List<String> rows = new ArrayList<>();
    private String header;

    public MetricsLog(Path file) {
        this.file = file;
    }

    /** Keeps the first {@code epochs} rows of an existing log (when resuming). */
    public void continueFrom(int epochs) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(file);
            if (!lines.isEmpty()) {
                header = lines.get(0);
                rows.addAll(lines.subList(1, Math.min(lines.size(), epochs + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void onEpochEnd(EpochEnded e) {
        if (header == null) {
            header = "epoch,step,learning_rate,train_loss,val_loss,val_" + e.metricName();
        }
        rows.add(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s", e.epoch(), e.step(), num(e.learningRate()),
                num(e.trainLoss()), num(e.validationLoss()), num(e.validationMetric())));
        StringBuilder sb = new StringBuilder(header).append('\n');
        rows.forEach(r -> sb.append(r).append('\n'));
        AtomicFiles.write(file, sb.toString());
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
