package dev.triage.probe.foreign;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Task;
import dev.triage.probe.log.EpochPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PyTorch Lightning {@code CSVLogger} {@code metrics.csv}: columns {@code epoch} and {@code step}
 * among the logged names; each row holds only what was logged at that step (step-level training loss
 * rows, epoch-level validation rows). Training losses come from {@code train_loss_step} or
 * {@code train_loss} rows, the epoch's training loss from {@code train_loss_epoch} or their mean.
 */
public final class LightningCsvSource implements RunLogSource {
    private final Task task;

    public LightningCsvSource(Task task) {
        this.task = task;
    }

    @Override
    public String format() {
        return "PyTorch Lightning CSVLogger metrics.csv";
    }

    @Override
    public boolean recognizes(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("metrics.csv") : path;
        List<String> h = List.of(FirstLine.of(file).split(","));
        return h.contains("epoch") && h.contains("step");
    }

    @Override
    public LoadedRun read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("metrics.csv") : path;
        MetricsTable t = MetricsTable.read(file);
        int stepLoss = t.first("train_loss_step", "train_loss", "loss_step", "loss", "training_loss");
        int epochLoss = t.first("train_loss_epoch", "loss_epoch");
        if (stepLoss < 0 && epochLoss < 0) {
            stepLoss = lossLike(t);
        }
        if (stepLoss < 0 && epochLoss < 0) {
            throw new InvalidInputException(file + ": no training loss column (columns: " + String.join(", ", t.columns())
                    + "); log one with self.log(\"train_loss\", loss) in training_step");
        }
        Task k = LossOnlyLog.task(t, task);
        LightningEpochs e = LightningEpochs.collect(t, stepLoss, epochLoss, k);
        List<String> notes = new ArrayList<>(List.of("a Lightning metrics.csv holds losses and metrics only: the checks of the"
                + " model, gradients, activations and data could not run (record the run with a probe for those)"));
        if (t.truncated()) {
            notes.add("the last row of " + file.getFileName() + " is incomplete; diagnosed up to the row before it");
        }
        return new LoadedRun(LossOnlyLog.of("lightning", k, e.epochs(), e.steps(), e.losses()), format(), notes);
    }

    /** Any column with "loss" in its name that is not a validation or test loss. */
    private static int lossLike(MetricsTable t) {
        for (int i = 0; i < t.columns().size(); i++) {
            String c = t.columns().get(i).toLowerCase(Locale.ROOT);
            if (c.contains("loss") && !c.startsWith("val") && !c.startsWith("test")) {
                return i;
            }
        }
        return -1;
    }

    /** The epochs of a Lightning table. */
    record LightningEpochs(List<EpochPoint> epochs, long[] steps, double[] losses) {
        static LightningEpochs collect(MetricsTable t, int stepLoss, int epochLoss, Task task) {
            int epochCol = t.index("epoch");
            int stepCol = t.index("step");
            int val = t.first("val_loss", "validation_loss", "val_loss_epoch");
            int lr = t.first("lr", "learning_rate", "lr-Adam", "lr-SGD");
            int metric = task == Task.CLASSIFICATION ? t.first("val_acc", "val_accuracy", "val_acc_epoch")
                    : t.first("val_rmse", "val_root_mean_squared_error");
            List<Long> steps = new ArrayList<>();
            List<Double> losses = new ArrayList<>();
            List<EpochPoint> epochs = new ArrayList<>();
            double sum = 0;
            int count = 0;
            int current = -1;
            double[] acc = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1};
            for (int row = 0; row < t.rows().size(); row++) {
                double[] r = t.rows().get(row);
                boolean[] logged = t.logged().get(row);
                int epoch = (int) r[epochCol];
                if (epoch != current && current >= 0) {
                    epochs.add(point(current, acc, count > 0 ? sum / count : Double.NaN));
                    sum = 0;
                    count = 0;
                    acc = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1};
                }
                current = epoch;
                if (stepLoss >= 0 && logged[stepLoss]) {
                    steps.add((long) r[stepCol]);
                    losses.add(r[stepLoss]);
                    sum += r[stepLoss];
                    count++;
                }
                keep(acc, 0, epochLoss, r);
                keep(acc, 1, val, r);
                keep(acc, 2, metric, r);
                keep(acc, 3, lr, r);
                acc[4] = Math.max(acc[4], r[stepCol]);
            }
            if (current >= 0) {
                epochs.add(point(current, acc, count > 0 ? sum / count : Double.NaN));
            }
            return new LightningEpochs(epochs, steps.stream().mapToLong(Long::longValue).toArray(),
                    losses.stream().mapToDouble(Double::doubleValue).toArray());
        }

        private static void keep(double[] acc, int slot, int column, double[] r) {
            if (column >= 0 && !Double.isNaN(r[column])) {
                acc[slot] = r[column];
            }
        }

        private static EpochPoint point(int epoch, double[] acc, double meanStepLoss) {
            double train = Double.isNaN(acc[0]) ? meanStepLoss : acc[0];
            return new EpochPoint(epoch + 1, (long) acc[4], acc[3], train, acc[1], acc[2], Double.NaN, Double.NaN, Double.NaN);
        }
    }
}
