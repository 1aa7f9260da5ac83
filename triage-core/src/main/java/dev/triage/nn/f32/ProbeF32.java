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
        float[] act = layer.act;
        float[] pre = layer.pre;
        // sums of deviations from the first value: no cancellation when the mean dwarfs the spread
        float shiftA = act[0];
        float shiftZ = pre[0];
        // two interleaved sets of sums: the adds of one element do not wait on the previous one's
        double sum0 = 0;
        double sum1 = 0;
        double sq0 = 0;
        double sq1 = 0;
        double preSum0 = 0;
        double preSum1 = 0;
        double preSq0 = 0;
        double preSq1 = 0;
        int zeros = 0;
        int i = 0;
        for (; i + 2 <= n; i += 2) {
            double a0 = act[i] - shiftA;
            double a1 = act[i + 1] - shiftA;
            double z0 = pre[i] - shiftZ;
            double z1 = pre[i + 1] - shiftZ;
            sum0 += a0;
            sum1 += a1;
            sq0 += a0 * a0;
            sq1 += a1 * a1;
            preSum0 += z0;
            preSum1 += z1;
            preSq0 += z0 * z0;
            preSq1 += z1 * z1;
            zeros += (act[i] == 0 ? 1 : 0) + (act[i + 1] == 0 ? 1 : 0);
        }
        if (i < n) {
            double a0 = act[i] - shiftA;
            double z0 = pre[i] - shiftZ;
            sum0 += a0;
            sq0 += a0 * a0;
            preSum0 += z0;
            preSq0 += z0 * z0;
            zeros += act[i] == 0 ? 1 : 0;
        }
        double sum = sum0 + sum1;
        double sumSq = sq0 + sq1;
        double preSum = preSum0 + preSum1;
        double preSq = preSq0 + preSq1;
        int l = layer.index;
        out.actMean[l] = shiftA + sum / n;
        out.actStd[l] = std(sum, sumSq, n);
        out.preActStd[l] = std(preSum, preSq, n);
        out.zeroFraction[l] = (double) zeros / n;
        out.saturatedFraction[l] = (double) saturated(layer.activation, act, n) / n;
        out.deadFraction[l] = inactiveUnits(layer, rows);
    }

    /** Outputs in the flat tails of tanh or sigmoid (0 for other activations, without looking). */
    private static int saturated(Activation f, float[] act, int n) {
        int count = 0;
        if (f == Activation.TANH) {
            for (int i = 0; i < n; i++) {
                count += Math.abs(act[i]) > SATURATION ? 1 : 0;
            }
        } else if (f == Activation.SIGMOID) {
            for (int i = 0; i < n; i++) {
                count += act[i] < 1 - SATURATION || act[i] > SATURATION ? 1 : 0;
            }
        }
        return count;
    }

    /** Share of units whose pre-activation is <= 0 for every row: the largest value per unit, row by row. */
    private static double inactiveUnits(LayerF32 layer, int rows) {
        int out = layer.out;
        float[] pre = layer.pre;
        float[] max = layer.unitScratch;
        System.arraycopy(pre, 0, max, 0, out);
        for (int r = 1; r < rows; r++) {
            int o = r * out;
            for (int j = 0; j < out; j++) {
                max[j] = Math.max(max[j], pre[o + j]);
            }
        }
        int dead = 0;
        for (int j = 0; j < out; j++) {
            dead += max[j] > 0 ? 0 : 1;
        }
        return (double) dead / out;
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
