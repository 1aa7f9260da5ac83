package dev.triage.nn.f32;

import dev.triage.config.Activation;
import dev.triage.nn.StepStats;

/**
 * Activation statistics of a batch, read from the buffers the forward pass just filled (still in
 * cache): mean and spread, exact zeros, units inactive for the whole batch, saturated units, and the
 * spread of the network's predictions across the batch.
 */
final class ProbeF32 {
    /** A tanh output beyond this magnitude (or a sigmoid output this close to 0 or 1) counts as saturated. */
    static final double SATURATION = 0.99;

    private ProbeF32() {
    }

    static void activations(LayerF32[] layers, int rows, StepStats out) {
        for (LayerF32 layer : layers) {
            layerStats(layer, rows, out);
        }
        LayerF32 last = layers[layers.length - 1];
        out.predictionStd = columnStdMean(last.act, rows, last.out);
        out.probed = true;
    }

    private static void layerStats(LayerF32 layer, int rows, StepStats out) {
        int n = rows * layer.out;
        // sums of deviations from the first value: no cancellation when the mean dwarfs the spread
        double shiftA = layer.act[0];
        double shiftZ = layer.pre[0];
        double sum = 0;
        double sumSq = 0;
        double preSum = 0;
        double preSq = 0;
        long zeros = 0;
        long saturated = 0;
        for (int i = 0; i < n; i++) {
            double a = layer.act[i];
            double da = a - shiftA;
            double dz = layer.pre[i] - shiftZ;
            sum += da;
            sumSq += da * da;
            preSum += dz;
            preSq += dz * dz;
            if (a == 0) {
                zeros++;
            }
            if (isSaturated(layer.activation, a)) {
                saturated++;
            }
        }
        int l = layer.index;
        out.actMean[l] = shiftA + sum / n;
        out.actStd[l] = std(sum, sumSq, n);
        out.preActStd[l] = std(preSum, preSq, n);
        out.zeroFraction[l] = (double) zeros / n;
        out.saturatedFraction[l] = (double) saturated / n;
        out.deadFraction[l] = inactiveUnits(layer, rows);
    }

    private static boolean isSaturated(Activation f, double a) {
        if (f == Activation.TANH) {
            return Math.abs(a) > SATURATION;
        }
        if (f == Activation.SIGMOID) {
            return a < 1 - SATURATION || a > SATURATION;
        }
        return false;
    }

    /** Share of units whose pre-activation is <= 0 for every row. */
    private static double inactiveUnits(LayerF32 layer, int rows) {
        int dead = 0;
        for (int j = 0; j < layer.out; j++) {
            boolean active = false;
            for (int r = 0; r < rows && !active; r++) {
                active = layer.pre[r * layer.out + j] > 0;
            }
            if (!active) {
                dead++;
            }
        }
        return (double) dead / layer.out;
    }

    /** Std from the sums of deviations (from any fixed shift) and of their squares. */
    private static double std(double sum, double sumSq, long n) {
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }

    /** Std over rows of each column, averaged over columns. */
    static double columnStdMean(float[] values, int rows, int width) {
        double total = 0;
        for (int j = 0; j < width; j++) {
            double shift = values[j];
            double s = 0;
            double sq = 0;
            for (int r = 0; r < rows; r++) {
                double v = values[r * width + j] - shift;
                s += v;
                sq += v * v;
            }
            total += std(s, sq, rows);
        }
        return total / width;
    }
}
