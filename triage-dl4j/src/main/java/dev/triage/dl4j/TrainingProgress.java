package dev.triage.dl4j;

/**
 * Where training is, as the listener counts it: the iteration (the run log's step, from 0), the epoch
 * (from 1), the epochs finished, the losses of the current epoch and the wall-clock marks.
 */
final class TrainingProgress {
    private long step;
    private int epoch = 1;
    private int epochsRun;
    private double epochLossSum;
    private int epochLossCount;
    private double lastFiniteLoss = Double.NaN;
    private double lastTrainLoss = Double.NaN;
    private long runStart;
    private long epochStart;

    void startRun(long now) {
        runStart = now;
        epochStart = now;
    }

    void startEpoch() {
        epochStart = System.nanoTime();
    }

    /** Adds an iteration's score to the epoch's mean loss; a finite one becomes the loss before any NaN. */
    void addIterationLoss(double score) {
        epochLossSum += score;
        epochLossCount++;
        if (Double.isFinite(score)) {
            lastFiniteLoss = score;
        }
    }

    void nextIteration() {
        step++;
    }

    /** Counts the epoch as run and fixes its mean training loss; returns its wall time in seconds. */
    double closeEpoch() {
        epochsRun++;
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        lastTrainLoss = epochLossCount == 0 ? Double.NaN : epochLossSum / epochLossCount;
        return seconds;
    }

    void nextEpoch() {
        epoch++;
        epochLossSum = 0;
        epochLossCount = 0;
        epochStart = System.nanoTime();
    }

    long step() {
        return step;
    }

    int epoch() {
        return epoch;
    }

    int epochsRun() {
        return epochsRun;
    }

    double lastFiniteLoss() {
        return lastFiniteLoss;
    }

    /** The mean training loss of the last finished epoch; NaN before the first. */
    double lastTrainLoss() {
        return lastTrainLoss;
    }

    long runStart() {
        return runStart;
    }
}
