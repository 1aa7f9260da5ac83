package dev.triage.dl4j;

import dev.triage.config.Task;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Accumulates the epoch-end evaluation over validation batches. The loss is computed here from one
 * inference pass for the losses it knows (DL4J's own score would cost a second forward pass); for
 * other losses DL4J scores the batch.
 */
final class ValidationAccumulator {
    private final Task task;
    private final String loss;
    private final boolean lossKnown;
    private double lossSum;
    private double squaredError;
    private long values;
    private long rows;
    private long correct;
    private double logLoss;
    private double predictionSum;
    private double predictionSquares;
    private double targetSum;
    private double targetSquares;

    ValidationAccumulator(Task task, String loss) {
        this.task = task;
        this.loss = loss == null ? "" : loss;
        this.lossKnown = switch (this.loss) {
            case "MSE", "L2", "SQUARED_LOSS", "L1", "MEAN_ABSOLUTE_ERROR", "MCXENT", "NEGATIVELOGLIKELIHOOD", "SPARSE_MCXENT",
                 "XENT" -> true;
            default -> false;
        };
    }

    void add(Model model, DataSet batch) {
        double[][] predictions = Measure.rows(output(model, batch.getFeatures()));
        double[][] targets = Measure.rows(batch.getLabels());
        long valuesBefore = values;
        double batchLoss = 0;
        for (int r = 0; r < predictions.length; r++) {
            batchLoss += addRow(predictions[r], targets[r]);
        }
        // an unknown loss only matters once the batch had a value: an empty batch adds nothing either way
        if (lossKnown || values == valuesBefore) {
            lossSum += batchLoss;
        } else {
            double score = model instanceof MultiLayerNetwork m ? m.score(batch, false) : ((ComputationGraph) model).score(batch, false);
            lossSum += score * predictions.length;
        }
        rows += predictions.length;
    }

    ValidationOutcome result() {
        if (rows == 0) {
            return ValidationOutcome.NONE;
        }
        double mse = squaredError / values;
        double predictionMean = predictionSum / values;
        double targetMean = targetSum / values;
        double predictionStd = Math.sqrt(Math.max(0, predictionSquares / values - predictionMean * predictionMean));
        double targetStd = Math.sqrt(Math.max(0, targetSquares / values - targetMean * targetMean));
        double metric = task == Task.REGRESSION ? Math.sqrt(mse) : correct / (double) rows;
        double score = task == Task.REGRESSION ? mse : logLoss / rows;
        return new ValidationOutcome(lossSum / rows, metric, predictionStd, targetStd, score);
    }

    private static INDArray output(Model model, INDArray features) {
        return model instanceof MultiLayerNetwork m ? m.output(features, false)
                : ((ComputationGraph) model).outputSingle(false, features);
    }

    /** Adds one row's errors and spreads; returns its loss. Targets are one value per output or a class index. */
    private double addRow(double[] prediction, double[] target) {
        double rowLoss = 0;
        for (int j = 0; j < prediction.length; j++) {
            double t = target.length == prediction.length ? target[j] : (j == (int) target[0] ? 1 : 0);
            double p = prediction[j];
            double error = p - t;
            squaredError += error * error;
            predictionSum += p;
            predictionSquares += p * p;
            targetSum += t;
            targetSquares += t * t;
            rowLoss += elementLoss(p, t, error, prediction.length);
        }
        values += prediction.length;
        if (task == Task.CLASSIFICATION) {
            addClassification(prediction, target);
        }
        return rowLoss;
    }

    /** One output's share of the row's loss in DL4J's definition of the loss; 0 for a loss not known here. */
    private double elementLoss(double p, double t, double error, int width) {
        double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return switch (loss) {
            case "MSE" -> error * error / width;
            case "L2", "SQUARED_LOSS" -> error * error;
            case "L1" -> Math.abs(error);
            case "MEAN_ABSOLUTE_ERROR" -> Math.abs(error) / width;
            case "MCXENT", "NEGATIVELOGLIKELIHOOD", "SPARSE_MCXENT" -> -(t * Math.log(q));
            case "XENT" -> -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
            default -> 0;
        };
    }

    /** Accuracy and log loss; a single output is the probability of class 1. */
    private void addClassification(double[] prediction, double[] target) {
        int truth = target.length == prediction.length ? argmax(target) : (int) target[0];
        int guess = prediction.length == 1 ? (prediction[0] >= 0.5 ? 1 : 0) : argmax(prediction);
        correct += guess == truth ? 1 : 0;
        double pTruth = prediction.length == 1 ? (truth == 1 ? prediction[0] : 1 - prediction[0])
                : prediction[Math.max(0, Math.min(prediction.length - 1, truth))];
        logLoss -= Math.log(Math.min(1, Math.max(1e-15, pTruth)));
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
