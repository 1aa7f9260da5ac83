package dev.triage.dl4j;

import dev.triage.config.Task;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The epoch-end validation pass and what it found so far: the last evaluated loss, metric and score,
 * and the epoch with the lowest validation loss.
 */
final class EpochValidation {
    /**
     * The share of the training's wall time the validation pass may take: DL4J's inference call costs
     * milliseconds, so with very short epochs the pass runs only every few epochs.
     */
    private static final double EVALUATION_SHARE = 0.02;

    private final Task task;
    private final DataSetIterator validation;
    private final DataScan validationScan;
    private final ListenerTimings timings;
    private double lastLoss = Double.NaN;
    private double lastMetric = Double.NaN;
    private double lastScore = Double.NaN;
    private int bestEpoch;
    private double bestLoss = Double.NaN;

    /** {@code validation} may be null (no validation signals); {@code validationScan} may hold the split in memory. */
    EpochValidation(Task task, DataSetIterator validation, DataScan validationScan, ListenerTimings timings) {
        this.task = task;
        this.validation = validation;
        this.validationScan = validationScan;
        this.timings = timings;
    }

    /** Evaluates at the end of epoch {@code epoch} when the time budget allows (always after the first epoch run). */
    ValidationOutcome atEpochEnd(Model model, String lossName, int epochsRun, int epoch, long runStart) {
        long t0 = System.nanoTime();
        boolean evaluateNow = epochsRun == 1 || timings.validationNanos() <= EVALUATION_SHARE * (t0 - runStart);
        ValidationOutcome outcome = evaluateNow ? evaluate(model, lossName) : ValidationOutcome.NONE;
        timings.addValidation(t0);
        if (evaluateNow) {
            lastLoss = outcome.loss();
            lastMetric = outcome.metric();
            lastScore = outcome.score();
        }
        if (Double.isFinite(outcome.loss()) && !(outcome.loss() >= bestLoss)) {
            bestLoss = outcome.loss();
            bestEpoch = epoch;
        }
        return outcome;
    }

    private ValidationOutcome evaluate(Model model, String lossName) {
        if (validation == null || !(model instanceof MultiLayerNetwork || model instanceof ComputationGraph)) {
            return ValidationOutcome.NONE;
        }
        ValidationAccumulator accumulator = new ValidationAccumulator(task, lossName);
        if (validationScan != null && validationScan.merged != null) {
            accumulator.add(model, validationScan.merged);
        } else {
            if (validation.resetSupported()) {
                validation.reset();
            }
            while (validation.hasNext()) {
                accumulator.add(model, validation.next());
            }
            if (validation.resetSupported()) {
                validation.reset();
            }
        }
        return accumulator.result();
    }

    double lastLoss() {
        return lastLoss;
    }

    double lastMetric() {
        return lastMetric;
    }

    double lastScore() {
        return lastScore;
    }

    /** The epoch with the lowest validation loss; 0 before any was evaluated. */
    int bestEpoch() {
        return bestEpoch;
    }

    double bestLoss() {
        return bestLoss;
    }
}
