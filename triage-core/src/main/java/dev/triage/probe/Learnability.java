package dev.triage.probe;

import dev.triage.data.Splitter;
import dev.triage.nn.Seeds;
import java.util.SplittableRandom;

/**
 * Is the target learnable from the features at all? Cross-validated ({@value #FOLDS} folds over the
 * training and validation rows) relative gain of a baseline model over the trivial predictor, and,
 * when the gain is not obvious, the share of label permutations on which the same model reaches it.
 */
final class Learnability {
    static final int FOLDS = 5;
    static final double EPS = 1e-15;

    /** {@code model}: "linear" or "tree"; x is rows x features (standardized), y or labels per row. */
    record Problem(double[] x, int features, double[] y, int[] labels, int classes, long seed) {
        int rows() {
            return labels != null ? labels.length : y.length;
        }
    }

    private Learnability() {
    }

    /** 1 - (cross-validated loss of the model) / (cross-validated loss of the trivial predictor). */
    static double gain(String model, Problem p) {
        double[] sums = crossValidated(model, p, Learnability::loss);
        return sums[1] > 0 ? 1 - sums[0] / sums[1] : Double.NaN;
    }

    /** Cross-validated accuracy of the model minus that of the trivial predictor (classification; NaN otherwise). */
    static double accuracyGain(String model, Problem p) {
        if (p.labels() == null) {
            return Double.NaN;
        }
        double[] wrong = crossValidated(model, p, Learnability::errors);
        return (wrong[1] - wrong[0]) / p.rows();
    }

    /** Summed scores over the held-out folds: {model, trivial}. */
    private static double[] crossValidated(String model, Problem p, Scorer score) {
        int n = p.rows();
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        Splitter.shuffle(order, new SplittableRandom(Seeds.derive(p.seed(), Seeds.PROBE, 3)));
        double[] sums = new double[2];
        for (int f = 0; f < FOLDS; f++) {
            int from = n * f / FOLDS;
            int to = n * (f + 1) / FOLDS;
            int[] test = java.util.Arrays.copyOfRange(order, from, to);
            int[] train = new int[n - test.length];
            System.arraycopy(order, 0, train, 0, from);
            System.arraycopy(order, to, train, from, n - to);
            double[] testX = BaselineModels.rowsOf(p.x(), p.features(), test);
            sums[0] += score.sum(fit(model, p, train).outputs(testX, test.length), p, test);
            sums[1] += score.sum(BaselineModels.trivial(p.y(), p.labels(), p.classes(), train).outputs(testX, test.length), p, test);
        }
        return sums;
    }

    /** A summed score of outputs for the given rows (lower is better). */
    private interface Scorer {
        double sum(double[] out, Problem p, int[] rows);
    }

    /** Rows whose most probable class is not their label. */
    private static double errors(double[] out, Problem p, int[] rows) {
        int w = BaselineModels.width(p.classes());
        int wrong = 0;
        for (int i = 0; i < rows.length; i++) {
            int predicted = 0;
            if (w == 1) {
                predicted = out[i] >= 0.5 ? 1 : 0;
            } else {
                for (int c = 1; c < w; c++) {
                    predicted = out[i * w + c] > out[i * w + predicted] ? c : predicted;
                }
            }
            wrong += predicted == p.labels()[rows[i]] ? 0 : 1;
        }
        return wrong;
    }

    /**
     * The permutation test, run sequentially: label shuffles are refitted until {@code enough} of them
     * reached {@code observed} (the answer is then clearly "chance") or {@code permutations} were run.
     * Returns {p, refits}, p = (1 + reached) / (1 + refits) with the observed labelling counted.
     */
    static double[] pValue(String model, Problem p, double observed, int permutations, int enough) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.PROBE, 4));
        int reached = 0;
        int k = 0;
        while (k < permutations && reached < enough) {
            int[] perm = java.util.stream.IntStream.range(0, p.rows()).toArray();
            Splitter.shuffle(perm, rng);
            Problem shuffled = new Problem(p.x(), p.features(), permute(p.y(), perm), permute(p.labels(), perm), p.classes(),
                    p.seed() + k + 1);
            if (!(gain(model, shuffled) < observed)) {
                reached++;
            }
            k++;
        }
        return new double[] {(1.0 + reached) / (k + 1), k};
    }

    private static BaselineModels.Fitted fit(String model, Problem p, int[] rows) {
        return model.equals("tree") ? BaselineModels.tree(p.x(), p.features(), p.y(), p.labels(), p.classes(), rows, p.seed())
                : BaselineModels.linear(p.x(), p.features(), p.y(), p.labels(), p.classes(), rows, p.seed());
    }

    /** Summed squared error (regression) or log loss (classification) of outputs for the given rows. */
    private static double loss(double[] out, Problem p, int[] rows) {
        int w = BaselineModels.width(p.classes());
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            if (p.labels() == null) {
                double d = out[i] - p.y()[rows[i]];
                sum += d * d;
            } else {
                int c = p.labels()[rows[i]];
                double q = w == 1 ? (c == 1 ? out[i] : 1 - out[i]) : out[i * w + c];
                sum -= Math.log(Math.min(1, Math.max(EPS, q)));
            }
        }
        return sum;
    }

    private static double[] permute(double[] v, int[] perm) {
        if (v == null) {
            return null;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[perm[i]];
        }
        return out;
    }

    private static int[] permute(int[] v, int[] perm) {
        if (v == null) {
            return null;
        }
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[perm[i]];
        }
        return out;
    }
}
