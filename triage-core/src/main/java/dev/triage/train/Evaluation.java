package dev.triage.train;

import dev.triage.data.Encoded;
import dev.triage.data.TargetEncoding;

/** Computes {@link TaskMetrics} from network outputs and encoded targets. */
public final class Evaluation {
    /** Probabilities are clipped to [EPS, 1 - EPS] for log loss. */
    static final double EPS = 1e-15;
    /** At most this many (prediction, actual) pairs are kept for plots. */
    public static final int SAMPLE = 2000;

    private Evaluation() {
    }

    public static TaskMetrics of(double[] outputs, int width, Encoded data, TargetEncoding target) {
        if (data.labels() != null) {
            return classification(outputs, width, data.labels(), Math.max(2, target.classes().size()));
        }
        return regression(outputs, data.y(), target);
    }

    static TaskMetrics.Regression regression(double[] scaledPredictions, double[] scaledTargets, TargetEncoding t) {
        int n = scaledTargets.length;
        double se = 0;
        double ae = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += t.toOriginal(scaledTargets[i]);
        }
        mean /= Math.max(1, n);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double y = t.toOriginal(scaledTargets[i]);
            double d = t.toOriginal(scaledPredictions[i]) - y;
            se += d * d;
            ae += Math.abs(d);
            ss += (y - mean) * (y - mean);
        }
        double r2 = ss > 0 ? 1 - se / ss : Double.NaN;
        int stride = Math.max(1, (n + SAMPLE - 1) / SAMPLE);
        int kept = (n + stride - 1) / stride;
        double[] predicted = new double[kept];
        double[] actual = new double[kept];
        for (int i = 0, k = 0; k < kept; i += stride, k++) {
            predicted[k] = t.toOriginal(scaledPredictions[i]);
            actual[k] = t.toOriginal(scaledTargets[i]);
        }
        return new TaskMetrics.Regression(Math.sqrt(se / n), ae / n, r2, n, predicted, actual);
    }

    static TaskMetrics.Classification classification(double[] out, int width, int[] labels, int classes) {
        int n = labels.length;
        int[][] confusion = new int[classes][classes];
        double logLoss = 0;
        int correct = 0;
        for (int r = 0; r < n; r++) {
            double pTrue = probabilityOf(out, width, r, labels[r]);
            logLoss -= Math.log(Math.min(1 - EPS, Math.max(EPS, pTrue)));
            int predicted = predictedClass(out, width, r);
            confusion[labels[r]][predicted]++;
            correct += predicted == labels[r] ? 1 : 0;
        }
        return new TaskMetrics.Classification((double) correct / n, logLoss / n, macroF1(confusion), n, confusion);
    }

    /** The predicted class of row r: threshold 0.5 for one output, the largest output otherwise. */
    public static int predictedClass(double[] out, int width, int r) {
        if (width == 1) {
            return out[r] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (out[r * width + j] > out[r * width + best]) {
                best = j;
            }
        }
        return best;
    }

    /** Probability of class c for row r (outputs normalized to sum to one when they do not already). */
    public static double probabilityOf(double[] out, int width, int r, int c) {
        if (width == 1) {
            double p = Math.min(1, Math.max(0, out[r]));
            return c == 1 ? p : 1 - p;
        }
        double sum = 0;
        for (int j = 0; j < width; j++) {
            sum += Math.max(0, out[r * width + j]);
        }
        return sum > 0 ? Math.max(0, out[r * width + c]) / sum : 1.0 / width;
    }

    /** Mean F1 over the classes that occur in the labels or the predictions. */
    static double macroF1(int[][] confusion) {
        int k = confusion.length;
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int actual = 0;
            int predicted = 0;
            for (int j = 0; j < k; j++) {
                actual += confusion[c][j];
                predicted += confusion[j][c];
            }
            if (actual == 0 && predicted == 0) {
                continue;
            }
            sum += actual + predicted == 0 ? 0 : 2.0 * tp / (actual + predicted);
            counted++;
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
