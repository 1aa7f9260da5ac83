package dev.triage.nn.f32;

import dev.triage.config.Activation;
import dev.triage.config.Loss;

/**
 * Loss functions and their gradient with respect to the output layer's pre-activation. Softmax with
 * cross entropy and sigmoid with binary cross entropy are fused and computed from logits (stable);
 * any other pairing is computed on the activated outputs, clipped like common frameworks do, and
 * chained through the activation — so a mismatched configuration trains exactly as badly as it would
 * elsewhere, and the doctor can show why.
 */
final class LossF32 {
    /** Probability clipping for losses on activated outputs. */
    static final double EPS = 1e-7;
    /** Huber's transition point. */
    static final double HUBER_DELTA = 1.0;

    private LossF32() {
    }

    /**
     * Returns the summed loss of rows [r0, r1) (divide by the normalizer for the mean) and, when
     * {@code delta} is not null, writes dL/dz for those rows scaled by {@code 1/normalizer}. With
     * {@code classWeights} (null: none) each row's loss and gradient count its class's weight.
     */
    static double compute(Loss loss, Activation act, float[] z, float[] p, float[] y, int[] labels, int outputs,
                          int r0, int r1, double normalizer, float[] delta, double[] classWeights) {
        boolean softmaxCe = loss == Loss.CROSS_ENTROPY && act == Activation.SOFTMAX;
        boolean sigmoidBce = loss == Loss.BINARY_CROSS_ENTROPY && act == Activation.SIGMOID;
        if (softmaxCe) {
            return softmaxCrossEntropy(z, p, labels, outputs, r0, r1, normalizer, delta, classWeights);
        }
        if (sigmoidBce) {
            return sigmoidBinaryCrossEntropy(z, p, y, labels, outputs, r0, r1, normalizer, delta, classWeights);
        }
        double sum = onOutputs(loss, p, y, labels, outputs, r0, r1, normalizer, delta, classWeights);
        if (delta != null) {
            ActivationsF32.backward(act, 0, z, p, delta, r0 * outputs, r1 * outputs, outputs);
        }
        return sum;
    }

    /** The number the summed loss is divided by: rows for cross entropy, rows x outputs otherwise. */
    static double normalizer(Loss loss, int rows, int outputs) {
        return loss == Loss.CROSS_ENTROPY ? rows : (double) rows * outputs;
    }

    /** The weight of row r: its class's, or 1 without weights (or without a known class). */
    static double weight(double[] classWeights, int[] labels, float[] y, int outputs, int r) {
        if (classWeights == null) {
            return 1;
        }
        if (labels != null) {
            return labels[r] >= 0 && labels[r] < classWeights.length ? classWeights[labels[r]] : 1;
        }
        return outputs == 1 && classWeights.length == 2 ? classWeights[y[r] >= 0.5 ? 1 : 0] : 1;
    }

    private static double softmaxCrossEntropy(float[] z, float[] p, int[] labels, int outputs, int r0, int r1,
                                              double norm, float[] delta, double[] weights) {
        double sum = 0;
        for (int r = r0; r < r1; r++) {
            int o = r * outputs;
            double max = z[o];
            for (int j = 1; j < outputs; j++) {
                max = Math.max(max, z[o + j]);
            }
            double s = 0;
            for (int j = 0; j < outputs; j++) {
                s += Math.exp(z[o + j] - max);
            }
            int label = labels[r];
            double w = weight(weights, labels, null, outputs, r);
            sum += w * (max + Math.log(s) - z[o + label]);
            if (delta != null) {
                for (int j = 0; j < outputs; j++) {
                    delta[o + j] = (float) (w * (p[o + j] - (j == label ? 1 : 0)) / norm);
                }
            }
        }
        return sum;
    }

    private static double sigmoidBinaryCrossEntropy(float[] z, float[] p, float[] y, int[] labels, int outputs, int r0,
                                                    int r1, double norm, float[] delta, double[] weights) {
        double sum = 0;
        for (int i = r0 * outputs; i < r1 * outputs; i++) {
            double x = z[i];
            double t = y[i];
            double w = weight(weights, labels, y, outputs, i / outputs);
            sum += w * (Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x))));
            if (delta != null) {
                delta[i] = (float) (w * (ActivationsF32.sigmoid(x) - t) / norm);
            }
        }
        return sum;
    }

    private static double onOutputs(Loss loss, float[] p, float[] y, int[] labels, int outputs, int r0, int r1,
                                    double norm, float[] delta, double[] weights) {
        double sum = 0;
        for (int r = r0; r < r1; r++) {
            double w = weight(weights, labels, y, outputs, r);
            for (int j = 0; j < outputs; j++) {
                int i = r * outputs + j;
                double g;
                if (loss == Loss.CROSS_ENTROPY) {
                    boolean target = labels[r] == j;
                    double q = Math.min(1, Math.max(EPS, p[i]));
                    sum += target ? -w * Math.log(q) : 0;
                    g = target && p[i] > EPS ? -w / q : 0;
                } else {
                    double d = p[i] - y[i];
                    sum += w * pointLoss(loss, p[i], y[i], d);
                    g = w * pointGradient(loss, p[i], y[i], d);
                }
                if (delta != null) {
                    delta[i] = (float) (g / norm);
                }
            }
        }
        return sum;
    }

    private static double pointLoss(Loss loss, double p, double t, double d) {
        switch (loss) {
            case MSE:
                return d * d;
            case MAE:
                return Math.abs(d);
            case HUBER:
                return Math.abs(d) <= HUBER_DELTA ? 0.5 * d * d : HUBER_DELTA * (Math.abs(d) - 0.5 * HUBER_DELTA);
            case BINARY_CROSS_ENTROPY:
                double q = Math.min(1 - EPS, Math.max(EPS, p));
                return -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
            default:
                throw new IllegalArgumentException("unresolved loss " + loss);
        }
    }

    private static double pointGradient(Loss loss, double p, double t, double d) {
        switch (loss) {
            case MSE:
                return 2 * d;
            case MAE:
                return Math.signum(d);
            case HUBER:
                return Math.max(-HUBER_DELTA, Math.min(HUBER_DELTA, d));
            case BINARY_CROSS_ENTROPY:
                if (p <= EPS || p >= 1 - EPS) {
                    return 0;
                }
                return (p - t) / (p * (1 - p));
            default:
                throw new IllegalArgumentException("unresolved loss " + loss);
        }
    }
}
