package dev.triage.dl4j;

import dev.triage.config.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/** Statistics of ND4J arrays as the rules read them. */
final class Measure {
    private Measure() {
    }

    /** Activation statistics of one layer on one batch: std, zero, dead (per unit) and saturated fractions. */
    record Activations(double mean, double std, double zero, double dead, double saturated) {
        static final Activations NONE = new Activations(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * The values of a 2-d array as rows, in one native copy ({@code INDArray.toDoubleMatrix()} copies
     * row by row, a native call per row, which costs more than the training step on small networks).
     */
    static double[][] rows(INDArray a) {
        int rows = (int) a.size(0);
        int cols = (int) a.size(1);
        double[] flat = a.dup('c').data().asDouble();
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }

    /** L2 norm, NaN for a missing array. */
    static double norm(INDArray a) {
        return a == null ? Double.NaN : a.norm2Number().doubleValue();
    }

    static boolean finite(INDArray a) {
        return a == null || !BooleanIndexing.or(a, Conditions.notFinite());
    }

    /**
     * Statistics of a {@code [rows, units]} activation: a unit is dead when it is at most 0 for every
     * row (ReLU family only); an output is saturated within 1% of a tanh or sigmoid limit.
     */
    static Activations activations(INDArray a, Activation act) {
        if (a == null || a.rank() != 2 || a.length() == 0) {
            return Activations.NONE;
        }
        double[][] v = rows(a);
        int rows = v.length;
        int units = v[0].length;
        double sum = 0;
        double sq = 0;
        long zeros = 0;
        long saturated = 0;
        boolean[] alive = new boolean[units];
        for (double[] row : v) {
            for (int j = 0; j < units; j++) {
                double x = row[j];
                sum += x;
                sq += x * x;
                if (x == 0) {
                    zeros++;
                }
                if (x > 0) {
                    alive[j] = true;
                }
                if (act == Activation.TANH ? Math.abs(x) > 0.99 : act == Activation.SIGMOID && (x < 0.01 || x > 0.99)) {
                    saturated++;
                }
            }
        }
        double n = (double) rows * units;
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sq / n - mean * mean));
        int dead = 0;
        for (boolean b : alive) {
            dead += b ? 0 : 1;
        }
        return new Activations(mean, std, zeros / n, act.isReluFamily() ? dead / (double) units : Double.NaN,
                act.isSaturating() ? saturated / n : Double.NaN);
    }

    /** Standard deviation of all values of an array. */
    static double std(INDArray a) {
        return a == null || a.length() < 2 ? Double.NaN : a.stdNumber().doubleValue();
    }
}
