package dev.triage.probe;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.nn.Engine;
import dev.triage.nn.EngineData;
import dev.triage.nn.Engines;
import dev.triage.nn.LayerSpec;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.OptimizerSpec;
import dev.triage.nn.StepStats;
import java.util.List;

/**
 * The three baselines, each fitted on training rows of a {@link BaselineData} and returning outputs
 * shaped like the network's (scaled target per row, or class probabilities) for any standardized
 * matrix: the trivial predictor, a linear model (ridge / logistic regression, trained by full-batch
 * L-BFGS in Triage's own engine) and a shallow decision tree.
 */
final class BaselineModels {
    /** L2 penalty of the linear baselines (on standardized features). */
    static final double LINEAR_L2 = 1e-4;
    static final int LINEAR_ITERATIONS = 40;

    /** Fitted model: outputs for the rows of a matrix. */
    interface Fitted {
        double[] outputs(double[] x, int rows);
    }

    private BaselineModels() {
    }

    /** Width of the outputs: 1 for regression and binary classification, else the class count. */
    static int width(int classes) {
        return classes == 0 || classes == 2 ? 1 : classes;
    }

    static Fitted trivial(double[] y, int[] labels, int classes, int[] rows) {
        int w = width(classes);
        double[] value = new double[w];
        for (int r : rows) {
            if (labels == null) {
                value[0] += y[r] / rows.length;
            } else if (w == 1) {
                value[0] += labels[r] / (double) rows.length;
            } else {
                value[labels[r]] += 1.0 / rows.length;
            }
        }
        return (x, n) -> repeat(value, n);
    }

    private static double[] repeat(double[] value, int n) {
        double[] out = new double[n * value.length];
        for (int r = 0; r < n; r++) {
            System.arraycopy(value, 0, out, r * value.length, value.length);
        }
        return out;
    }

    static Fitted tree(double[] x, int features, double[] y, int[] labels, int classes, int[] rows, long seed) {
        DecisionTree tree = new DecisionTree(x, features, y, labels, classes, seed).fit(rows);
        int w = width(classes);
        return (data, n) -> {
            double[] out = new double[n * w];
            for (int r = 0; r < n; r++) {
                double[] v = tree.predict(data, r);
                if (classes == 2) {
                    out[r] = v[1];
                } else {
                    System.arraycopy(v, 0, out, r * w, w);
                }
            }
            return out;
        };
    }

    static Fitted linear(double[] x, int features, double[] y, int[] labels, int classes, int[] rows, long seed) {
        int w = width(classes);
        Activation act = classes == 0 ? Activation.IDENTITY : w == 1 ? Activation.SIGMOID : Activation.SOFTMAX;
        Loss loss = classes == 0 ? Loss.MSE : w == 1 ? Loss.BINARY_CROSS_ENTROPY : Loss.CROSS_ENTROPY;
        NetworkSpec spec = new NetworkSpec(features, List.of(new LayerSpec(w, act, 0, false, Init.ZEROS, 1, 0, 1)), loss, 0.01, seed);
        OptimizerSpec opt = OptimizerSpec.of(Optimizer.LBFGS);
        opt = new OptimizerSpec(opt.kind(), opt.momentum(), opt.beta1(), opt.beta2(), 0, LINEAR_L2, 0, opt.normalization(),
                opt.normalizationThreshold());
        int capacity = Math.min(rows.length, 4096);
        Engine engine = Engines.create(spec, opt, DType.FLOAT32, capacity);
        EngineData data = engine.upload(rowsOf(x, features, rows), rows.length, features,
                labels == null ? select(y, rows) : null, 1, labels == null ? null : select(labels, rows));
        StepStats stats = new StepStats(1);
        double previous = Double.POSITIVE_INFINITY;
        for (int it = 0; it < LINEAR_ITERATIONS; it++) {
            engine.lbfgsStep(data, 1.0, it + 1, stats);
            if (Math.abs(previous - stats.loss) <= 1e-9 * Math.max(1, Math.abs(stats.loss))) {
                break;
            }
            previous = stats.loss;
        }
        return (data2, n) -> {
            double[] out = new double[n * w];
            for (int from = 0; from < n; from += capacity) {
                int m = Math.min(capacity, n - from);
                EngineData chunk = engine.upload(java.util.Arrays.copyOfRange(data2, from * features, (from + m) * features), m,
                        features, labels == null ? new double[m] : null, 1, labels == null ? null : new int[m]);
                double[] part = new double[m * w];
                engine.evaluate(chunk, part);
                System.arraycopy(part, 0, out, from * w, m * w);
            }
            return out;
        };
    }

    static double[] rowsOf(double[] x, int features, int[] rows) {
        double[] out = new double[rows.length * features];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * features, out, i * features, features);
        }
        return out;
    }

    private static double[] select(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static int[] select(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
