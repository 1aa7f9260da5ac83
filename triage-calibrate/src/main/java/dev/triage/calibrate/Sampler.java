package dev.triage.calibrate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws sensible configurations: every shared dataset with its natural task, a hidden activation, an
 * optimizer with a rate in its usual range, an initializer that suits the activation, a batch size
 * well under the training rows, a schedule, width and depth, with and without early stopping, dropout,
 * batch norm and a little weight decay. Whether a drawn run is healthy is decided by its outcome
 * (see {@link Outcome}), not here.
 */
final class Sampler {
    private final DataStore store;
    private final List<Dataset> datasets;

    Sampler(DataStore store, List<Dataset> datasets) {
        this.store = store;
        this.datasets = datasets;
    }

    Recipe draw(SplittableRandom rnd, int maxEpochs) {
        Dataset d = datasets.get(rnd.nextInt(datasets.size()));
        Recipe r = new Recipe();
        r.dataset = d;
        r.data = store.path(d);
        r.rows = store.table(d).rows.size();
        r.trainRows = (int) Math.floor(r.rows * 0.7);
        int features = store.table(d).header.length - 1 - d.drop().size();
        r.features = features;
        int depth = pick(rnd, new int[] {1, 2, 3}, new double[] {0.3, 0.5, 0.2});
        int[] widths = features > 200 ? new int[] {64, 128} : new int[] {16, 32, 64, 128};
        r.hidden = new int[depth];
        r.hidden[0] = widths[rnd.nextInt(widths.length)];
        for (int i = 1; i < depth; i++) {
            r.hidden[i] = rnd.nextBoolean() ? r.hidden[i - 1] : Math.max(8, r.hidden[i - 1] / 2);
        }
        r.activation = pick(rnd, new String[] {"relu", "leaky_relu", "elu", "gelu", "tanh", "sigmoid", "softplus"},
                new double[] {0.30, 0.12, 0.12, 0.12, 0.16, depth <= 2 ? 0.08 : 0, 0.10});
        r.optimizer = pick(rnd, new String[] {"adam", "adamw", "sgd", "momentum", "nesterov", "rmsprop", "adagrad", "lbfgs"},
                new double[] {0.35, 0.15, 0.10, 0.12, 0.08, 0.10, 0.05, 0.05});
        r.learningRate = switch (r.optimizer) {
            case "adam", "adamw" -> logUniform(rnd, 3e-4, 3e-3);
            case "rmsprop" -> logUniform(rnd, 2e-4, 2e-3);
            case "sgd", "adagrad" -> logUniform(rnd, 0.01, 0.1);
            case "momentum", "nesterov" -> logUniform(rnd, 0.003, 0.03);
            default -> 1.0;
        };
        boolean reluFamily = List.of("relu", "leaky_relu", "elu", "gelu").contains(r.activation);
        if (rnd.nextDouble() < 0.4) {
            String[] inits = reluFamily ? new String[] {"he_normal", "he_uniform"}
                    : new String[] {"xavier_normal", "xavier_uniform", "lecun_normal"};
            r.init = inits[rnd.nextInt(inits.length)];
        }
        int cap = Math.max(8, r.trainRows / 4);
        int[] batches = {16, 32, 64, 128, 256};
        do {
            r.batchSize = batches[rnd.nextInt(batches.length)];
        } while (r.batchSize > cap);
        int[] epochs = r.trainRows <= 400 ? new int[] {80, 120, 200} : r.trainRows <= 1500 ? new int[] {40, 60, 100}
                : new int[] {20, 30, 50};
        if (r.optimizer.equals("lbfgs")) {
            epochs = new int[] {30, 60};
        }
        r.epochs = epochs[rnd.nextInt(epochs.length)];
        int stepsPerEpoch = (r.trainRows + r.batchSize - 1) / r.batchSize;
        while (r.epochs > 10 && (long) stepsPerEpoch * r.epochs > 6000) {
            r.epochs = r.epochs * 2 / 3;
        }
        long params = parameters(features, r.hidden, d.classification() ? 10 : 1);
        while (r.epochs > 10 && (double) r.trainRows * r.epochs * params > COMPUTE_BUDGET) {
            r.epochs = r.epochs * 2 / 3;
        }
        r.epochs = Math.min(r.epochs, maxEpochs);
        double s = rnd.nextDouble();
        if (s < 0.45) {
            r.schedule = null;
        } else if (s < 0.55) {
            r.schedule = "{type: step, step_size: " + Math.max(1, r.epochs / 3) + ", gamma: 0.5}";
        } else if (s < 0.70) {
            r.schedule = "cosine";
        } else if (s < 0.80) {
            r.schedule = "{type: reduce_on_plateau, patience: 5, gamma: 0.5}";
        } else if (s < 0.90) {
            r.schedule = "{type: warmup_cosine, warmup_epochs: " + Math.max(1, r.epochs / 10) + "}";
        } else {
            double g = Math.ceil(Math.pow(0.05, 1.0 / r.epochs) * 1000) / 1000;
            r.schedule = "{type: exponential, gamma: " + Recipe.num(g) + "}";
        }
        if (rnd.nextDouble() < 0.4) {
            r.patience = rnd.nextBoolean() ? 10 : 20;
        }
        int narrowest = java.util.Arrays.stream(r.hidden).min().orElse(0);
        if (narrowest >= 32 && rnd.nextDouble() < 0.25) {
            r.dropout = new double[] {0.1, 0.2, 0.3}[rnd.nextInt(3)];
        }
        r.batchNorm = rnd.nextDouble() < 0.2;
        if (rnd.nextDouble() < 0.15) {
            r.l2 = rnd.nextBoolean() ? 1e-5 : 1e-4;
        }
        r.scale = pick(rnd, new String[] {"standard", "minmax", "robust", "none"}, new double[] {0.70, 0.14, 0.09, 0.07});
        if (!d.classification() && rnd.nextDouble() < 0.15) {
            r.extra.put("data.preprocess.scale_target", "none");
        }
        r.impute = d.impute();
        r.seed = rnd.nextInt(1_000_000);
        return r;
    }

    /** Rows x epochs x weights a run may take, so that wide data (784 pixels) trains for fewer epochs. */
    static final double COMPUTE_BUDGET = 3e9;

    static long parameters(int inputs, int[] hidden, int outputs) {
        long p = 0;
        int prev = inputs;
        for (int h : hidden) {
            p += (long) prev * h + h;
            prev = h;
        }
        return p + (long) prev * outputs + outputs;
    }

    static double logUniform(SplittableRandom rnd, double lo, double hi) {
        double v = Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo)));
        return Double.parseDouble(new java.math.BigDecimal(v).round(new java.math.MathContext(3)).toString());
    }

    static <T> T pick(SplittableRandom rnd, T[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    static int pick(SplittableRandom rnd, int[] values, double[] weights) {
        Integer[] boxed = java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
        return pick(rnd, boxed, weights);
    }
}
