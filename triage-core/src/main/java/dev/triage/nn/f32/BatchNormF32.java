package dev.triage.nn.f32;

import java.util.Arrays;

/**
 * Batch normalization of one layer's pre-activations, per unit over the batch. Training uses the
 * batch's mean and variance and updates running estimates; evaluation uses the running estimates.
 */
final class BatchNormF32 {
    final int units;
    /** The linear output before normalization. */
    final float[] raw;
    final float[] normalized;
    final float[] mean;
    final float[] invStd;
    final float[] runningMean;
    final float[] runningVar;

    BatchNormF32(int units, int capacity) {
        this.units = units;
        raw = new float[capacity * units];
        normalized = new float[capacity * units];
        mean = new float[units];
        invStd = new float[units];
        runningMean = new float[units];
        runningVar = new float[units];
        Arrays.fill(runningVar, 1);
    }

    void forward(float[] params, int gammaOff, int betaOff, int rows, boolean training, boolean updateRunning, float[] out) {
        if (training) {
            batchStatistics(rows, updateRunning);
        } else {
            for (int j = 0; j < units; j++) {
                mean[j] = runningMean[j];
                invStd[j] = (float) (1 / Math.sqrt(runningVar[j] + LayerF32.BN_EPSILON));
            }
        }
        for (int r = 0; r < rows; r++) {
            int o = r * units;
            for (int j = 0; j < units; j++) {
                float h = (raw[o + j] - mean[j]) * invStd[j];
                normalized[o + j] = h;
                out[o + j] = params[gammaOff + j] * h + params[betaOff + j];
            }
        }
    }

    private void batchStatistics(int rows, boolean updateRunning) {
        for (int j = 0; j < units; j++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += raw[r * units + j];
            }
            double m = s / rows;
            double v = 0;
            for (int r = 0; r < rows; r++) {
                double d = raw[r * units + j] - m;
                v += d * d;
            }
            double var = v / rows;
            mean[j] = (float) m;
            invStd[j] = (float) (1 / Math.sqrt(var + LayerF32.BN_EPSILON));
            if (updateRunning) {
                double unbiased = rows > 1 ? v / (rows - 1) : var;
                runningMean[j] = (float) ((1 - LayerF32.BN_MOMENTUM) * runningMean[j] + LayerF32.BN_MOMENTUM * m);
                runningVar[j] = (float) ((1 - LayerF32.BN_MOMENTUM) * runningVar[j] + LayerF32.BN_MOMENTUM * unbiased);
            }
        }
    }

    /** grad holds dL/d(out); writes the scale/shift gradients and turns grad into dL/d(raw). */
    void backward(float[] params, float[] grads, int gammaOff, int betaOff, float[] grad, int rows) {
        for (int j = 0; j < units; j++) {
            double sumG = 0;
            double sumGh = 0;
            for (int r = 0; r < rows; r++) {
                int i = r * units + j;
                sumG += grad[i];
                sumGh += grad[i] * normalized[i];
            }
            grads[gammaOff + j] = (float) sumGh;
            grads[betaOff + j] = (float) sumG;
            double gamma = params[gammaOff + j];
            double k = gamma * invStd[j] / rows;
            for (int r = 0; r < rows; r++) {
                int i = r * units + j;
                grad[i] = (float) (k * (rows * grad[i] - sumG - normalized[i] * sumGh));
            }
        }
    }
}
