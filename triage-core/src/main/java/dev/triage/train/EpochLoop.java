package dev.triage.train;

import dev.triage.data.Encoded;
import dev.triage.nn.Engine;
import java.util.SplittableRandom;

/** The mutable bookkeeping of a training loop: counters, the row order, validation and the best epoch. */
final class EpochLoop {
    long step;
    int phase;
    /** The last epoch was cut short by an interrupt and is not to be validated or saved. */
    boolean abandoned;
    int bestEpoch;
    double bestValidationLoss = Double.POSITIVE_INFINITY;
    double lastTrainLoss = Double.NaN;
    double lastValidationLoss = Double.NaN;
    double[] bestParameters;
    double[] bestBuffers;
    private final int[] order;
    private double[] predictions;

    EpochLoop(int rows) {
        order = new int[rows];
    }

    /** The rows 0..n-1 in the order of this epoch's shuffle (a function of the epoch's seed only). */
    int[] shuffledOrder(SplittableRandom rng) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        dev.triage.data.Splitter.shuffle(order, rng);
        return order;
    }

    EpochEnded validate(int epoch, double lr, double trainLoss, TrainingSet data, Engine engine, double seconds) {
        lastTrainLoss = trainLoss;
        double valLoss = Double.NaN;
        double metric = Double.NaN;
        double predStd = Double.NaN;
        double targetStd = Double.NaN;
        String metricName = data.target().task() == dev.triage.config.Task.CLASSIFICATION ? "accuracy" : "rmse";
        if (data.hasValidation()) {
            int width = engine.spec().outputs();
            Encoded v = data.validationEncoded();
            if (predictions == null) {
                predictions = new double[v.rows() * width];
            }
            valLoss = engine.evaluate(data.validation(), predictions);
            metric = Evaluation.of(predictions, width, v, data.target()).primary();
            predStd = meanColumnStd(predictions, width, v.rows());
            targetStd = v.y() != null ? columnStd(v.y(), 1, v.rows()) : indicatorStd(v.labels(), width);
        }
        lastValidationLoss = valLoss;
        double monitored = data.hasValidation() ? valLoss : trainLoss;
        if (Double.isFinite(monitored) && monitored < bestValidationLoss) {
            bestValidationLoss = monitored;
            bestEpoch = epoch;
            bestParameters = engine.parameters();
            bestBuffers = engine.buffers();
        }
        return new EpochEnded(epoch, step, lr, trainLoss, valLoss, metricName, metric, predStd, targetStd, seconds);
    }

    /** Puts the best weights back when asked and when a best epoch exists. */
    void finish(boolean restoreBest, Engine engine) {
        if (restoreBest && bestParameters != null) {
            engine.setParameters(bestParameters);
            engine.setBuffers(bestBuffers);
        }
    }

    /** Std over rows of the first column. */
    static double columnStd(double[] values, int width, int rows) {
        if (rows == 0) {
            return Double.NaN;
        }
        double mean = 0;
        for (int r = 0; r < rows; r++) {
            mean += values[r * width];
        }
        mean /= rows;
        double ss = 0;
        for (int r = 0; r < rows; r++) {
            double d = values[r * width] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / rows);
    }

    /** Std over rows of each output column, averaged over the columns. */
    static double meanColumnStd(double[] values, int width, int rows) {
        double sum = 0;
        double[] column = new double[rows];
        for (int j = 0; j < width; j++) {
            for (int r = 0; r < rows; r++) {
                column[r] = values[r * width + j];
            }
            sum += columnStd(column, 1, rows);
        }
        return sum / width;
    }

    /**
     * The spread of the targets in the units of the outputs: for one output the std of the 0/1 label,
     * for one output per class the std of each class indicator, averaged.
     */
    private static double indicatorStd(int[] labels, int width) {
        int classes = Math.max(2, width);
        double[] share = new double[classes];
        for (int l : labels) {
            share[l] += 1.0 / labels.length;
        }
        if (width == 1) {
            return Math.sqrt(share[1] * (1 - share[1]));
        }
        double sum = 0;
        for (double p : share) {
            sum += Math.sqrt(p * (1 - p));
        }
        return sum / width;
    }
}
