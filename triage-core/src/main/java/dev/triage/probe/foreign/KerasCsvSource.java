package dev.triage.probe.foreign;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Task;
import dev.triage.probe.log.EpochPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Keras {@code CSVLogger} file: one row per epoch, {@code epoch} (from 0) first, then the logged
 * keys in alphabetical order ({@code loss}, {@code val_loss}, metrics, {@code lr} or
 * {@code learning_rate} with a rate schedule callback).
 */
public final class KerasCsvSource implements RunLogSource {
    private final Task task;

    /** {@code task}: as the user gave it, or {@link Task#AUTO} (classification when an accuracy is logged). */
    public KerasCsvSource(Task task) {
        this.task = task;
    }

    @Override
    public String format() {
        return "Keras CSVLogger file";
    }

    @Override
    public boolean recognizes(Path path) {
        String h = FirstLine.of(path);
        return h.startsWith("epoch,") && !h.contains(",step") && List.of(h.split(",")).contains("loss");
    }

    @Override
    public LoadedRun read(Path path) {
        MetricsTable t = MetricsTable.read(path);
        int loss = t.index("loss");
        if (loss < 0) {
            throw new InvalidInputException(path + ": no 'loss' column (columns: " + String.join(", ", t.columns())
                    + "); a Keras CSVLogger file has epoch, loss and, with validation data, val_loss");
        }
        Task k = LossOnlyLog.task(t, task);
        int val = t.index("val_loss");
        int lr = t.first("lr", "learning_rate");
        int metric = k == Task.CLASSIFICATION ? t.first("val_accuracy", "val_acc", "val_sparse_categorical_accuracy",
                "val_categorical_accuracy", "val_binary_accuracy") : t.first("val_root_mean_squared_error", "val_rmse");
        List<EpochPoint> epochs = new ArrayList<>();
        for (double[] r : t.rows()) {
            int epoch = (int) r[0] + 1;
            epochs.add(new EpochPoint(epoch, epoch, at(r, lr), r[loss], at(r, val), at(r, metric), Double.NaN, Double.NaN,
                    Double.NaN));
        }
        List<String> notes = new ArrayList<>(List.of("a Keras CSVLogger file holds losses and metrics per epoch only: the checks"
                + " of the model, gradients, activations and data could not run (record the run with a probe for those)"));
        if (t.truncated()) {
            notes.add("the last row of " + path.getFileName() + " is incomplete; diagnosed up to the row before it");
        }
        return new LoadedRun(LossOnlyLog.of("keras", k, epochs, new long[0], new double[0]), format(), notes);
    }

    static double at(double[] row, int column) {
        return column < 0 ? Double.NaN : row[column];
    }
}
