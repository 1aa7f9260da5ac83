package dev.triage.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code metrics.csv}, one row per epoch: epoch, step, learning_rate, train_loss, val_loss and
 * the validation metric. Each epoch appends its row (see {@link AppendOnlyFile}: one write, forced to
 * disk), so the cost of an epoch does not grow with the run; a resumed run cuts the file back to the
 * length its checkpoint recorded and appends from there.
 */
public final class MetricsLog implements TrainingListener {
    private final AppendOnlyFile file;
    private boolean headerWritten;

    public MetricsLog(java.nio.file.Path file) {
        this.file = new AppendOnlyFile(file, true);
    }

    /**
     * Keeps what the run wrote up to its checkpoint: the first {@code length} bytes when the checkpoint
     * recorded them, else (an older checkpoint) the header and the first {@code epochs} rows.
     */
    public void continueFrom(long length, int epochs) {
        if (!file.hasContent()) {
            return;
        }
        if (length >= 0) {
            file.truncate(length);
        } else {
            keepRows(epochs);
        }
        headerWritten = file.hasContent();
    }

    private void keepRows(int epochs) {
        try {
            List<String> lines = Files.readAllLines(file.path());
            List<String> kept = lines.subList(0, Math.min(lines.size(), epochs + 1));
            AtomicFiles.write(file.path(), String.join("\n", kept) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }

    @Override
    public void onEpochEnd(EpochEnded e) {
        StringBuilder sb = new StringBuilder();
        if (!headerWritten) {
            file.reset();
            sb.append("epoch,step,learning_rate,train_loss,val_loss,val_").append(e.metricName()).append('\n');
            headerWritten = true;
        }
        sb.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s\n", e.epoch(), e.step(), num(e.learningRate()),
                num(e.trainLoss()), num(e.validationLoss()), num(e.validationMetric())));
        file.append(sb.toString());
    }

    @Override
    public void onRunEnd(RunEnded e) {
        file.close();
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
