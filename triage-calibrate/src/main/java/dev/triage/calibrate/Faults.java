package dev.triage.calibrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The fault classes: one injected cause each, applied to a run that trained healthily. Each class
 * names the codes that identify its cause ({@code root}; {@code CODE@column} means the finding must
 * name the injected column) and the codes that are acceptable consequences (symptoms the cause
 * produces). Faults in the data are deterministic edits of a copy of the base run's data file.
 */
final class Faults {
    /** Whether a fault is there whatever the outcome, or only when it degraded the run (then instances that trained fine are not counted). */
    enum Effect { ALWAYS, OUTCOME, NO_ROOT }

    /** How repair is scored: restores the healthy outcome; restores it without the injected column; ends "unrepairable"; not scored. */
    enum RepairMode { RESTORE, RESTORE_WITHOUT_COLUMN, UNREPAIRABLE, NOT_SCORED }

    /** A faulty run: the recipe, which variant of the fault, and the column it added or edited (or null). */
    record Injected(Recipe recipe, String kind, String column) {
    }

    interface Injector {
        Injected inject(Recipe base, Table data, SplittableRandom rnd, Path derived);
    }

    record FaultClass(String id, String title, List<String> root, Set<String> consequences, Set<String> mustNot, Effect effect,
                      RepairMode repair, Predicate<Recipe> applies, Injector injector) {
        /** The bare codes of {@link #root}. */
        Set<String> rootCodes() {
            Set<String> s = new LinkedHashSet<>();
            root.forEach(r -> s.add(r.contains("@") ? r.substring(0, r.indexOf('@')) : r));
            return s;
        }
    }

    static final Set<String> DYNAMICS = Set.of("TRAIN_NAN_LOSS", "TRAIN_LOSS_DIVERGING", "TRAIN_LOSS_OSCILLATING",
            "TRAIN_LOSS_PLATEAU", "TRAIN_EXPLODING_GRADIENTS", "TRAIN_VANISHING_GRADIENTS", "TRAIN_DEAD_RELU",
            "TRAIN_SATURATED_ACTIVATIONS", "TRAIN_UPDATE_RATIO", "TRAIN_PREDICTS_CONSTANT", "TRAIN_UNDERFITTING",
            "TRAIN_OVERFITTING", "TRAIN_STILL_IMPROVING", "INIT_ACTIVATION_SCALE", "INIT_LOSS_UNEXPECTED");
    static final Set<String> SLOW = Set.of("TRAIN_LOSS_PLATEAU", "TRAIN_UNDERFITTING", "TRAIN_PREDICTS_CONSTANT",
            "TRAIN_STILL_IMPROVING", "TRAIN_UPDATE_RATIO", "TRAIN_VANISHING_GRADIENTS", "TRAIN_DEAD_RELU");

    /** Classes judged against the faulty run's own baselines (their data has other rows than the base run's). */
    static final Set<String> OWN_REFERENCE = Set.of("overfit_small_data");

    private Faults() {
    }

    static List<FaultClass> all() {
        List<FaultClass> f = new ArrayList<>();
        Predicate<Recipe> any = r -> true;
        Predicate<Recipe> regression = r -> !r.classification();
        Predicate<Recipe> notLbfgs = r -> !r.optimizer.equals("lbfgs");

        f.add(new FaultClass("features_x1e5", "features x1e5, scale: none", List.of("DATA_UNSCALED"), DYNAMICS, Set.of(),
                Effect.ALWAYS, RepairMode.RESTORE, any, (b, t, rnd, p) -> scaleFeatures(b, t, p, 1e5)));
        f.add(new FaultClass("features_x1e-5", "features x1e-5, scale: none", List.of("DATA_UNSCALED"), DYNAMICS, Set.of(),
                Effect.ALWAYS, RepairMode.RESTORE, any, (b, t, rnd, p) -> scaleFeatures(b, t, p, 1e-5)));
        f.add(new FaultClass("target_x1e5", "regression target x1e5, scale_target: none", List.of("DATA_TARGET_UNSCALED"),
                DYNAMICS, Set.of(), Effect.ALWAYS, RepairMode.RESTORE, regression, (b, t, rnd, p) -> scaleTarget(b, t, p, 1e5)));
        f.add(new FaultClass("target_x1e-5", "regression target x1e-5, scale_target: none", List.of("DATA_TARGET_UNSCALED"),
                DYNAMICS, Set.of(), Effect.ALWAYS, RepairMode.RESTORE, regression, (b, t, rnd, p) -> scaleTarget(b, t, p, 1e-5)));
        f.add(new FaultClass("lr_x100", "learning rate x100", List.of("CONFIG_LEARNING_RATE", "TRAIN_UPDATE_RATIO"), DYNAMICS,
                Set.of(), Effect.ALWAYS, RepairMode.RESTORE, notLbfgs, (b, t, rnd, p) -> {
                    Recipe r = b.copy();
                    r.learningRate = Math.min(100, b.learningRate * 100);
                    return new Injected(r, b.optimizer, null);
                }));
        f.add(new FaultClass("lr_div1000", "learning rate /1000", List.of("CONFIG_LEARNING_RATE", "TRAIN_UPDATE_RATIO"), SLOW,
                Set.of(), Effect.ALWAYS, RepairMode.RESTORE, notLbfgs, (b, t, rnd, p) -> {
                    Recipe r = b.copy();
                    r.learningRate = b.learningRate / 1000;
                    return new Injected(r, b.optimizer, null);
                }));
        f.add(new FaultClass("output_loss_mismatch", "output activation / loss that do not fit the task",
                List.of("CONFIG_OUTPUT_LOSS_MISMATCH"), DYNAMICS, Set.of(), Effect.ALWAYS, RepairMode.RESTORE, any,
                Faults::outputLoss));
        f.add(new FaultClass("init_zero", "init: zeros", List.of("CONFIG_INIT", "INIT_ACTIVATION_SCALE"), DYNAMICS, Set.of(),
                Effect.ALWAYS, RepairMode.RESTORE, any, (b, t, rnd, p) -> config(b, "zeros", r -> r.init = "zeros")));
        f.add(new FaultClass("init_huge", "init: normal, init_scale 3", List.of("CONFIG_INIT", "INIT_ACTIVATION_SCALE"),
                DYNAMICS, Set.of(), Effect.ALWAYS, RepairMode.RESTORE, any, (b, t, rnd, p) -> config(b, "normal 3", r -> {
                    r.init = "normal";
                    r.extra.put("model.init_scale", "3.0");
                })));
        f.add(new FaultClass("init_tiny", "init: normal, init_scale 0.001", List.of("CONFIG_INIT", "INIT_ACTIVATION_SCALE"),
                DYNAMICS, Set.of(), Effect.ALWAYS, RepairMode.RESTORE, any, (b, t, rnd, p) -> config(b, "normal 0.001", r -> {
                    r.init = "normal";
                    r.extra.put("model.init_scale", "0.001");
                })));
        f.add(new FaultClass("negative_bias", "model.bias_init: -3 (no batch norm)", List.of("CONFIG_INIT", "INIT_ACTIVATION_SCALE"),
                DYNAMICS, Set.of(), Effect.ALWAYS, RepairMode.RESTORE, r -> !r.batchNorm,
                (b, t, rnd, p) -> config(b, b.activation, r -> r.extra.put("model.bias_init", "-3.0"))));
        f.add(new FaultClass("l2_strong", "training.l2: 1.0", List.of("CONFIG_REGULARIZATION"), SLOW, Set.of(), Effect.ALWAYS,
                RepairMode.RESTORE, any, (b, t, rnd, p) -> config(b, "l2 1.0", r -> r.l2 = 1.0)));
        f.add(new FaultClass("l1_strong", "training.l1: 0.1", List.of("CONFIG_REGULARIZATION"), SLOW, Set.of(), Effect.ALWAYS,
                RepairMode.RESTORE, any, (b, t, rnd, p) -> config(b, "l1 0.1", r -> r.extra.put("training.l1", "0.1"))));
        f.add(new FaultClass("dropout_strong", "model.dropout: 0.9", List.of("CONFIG_DROPOUT"),
                union(SLOW, Set.of("TRAIN_LOSS_OSCILLATING")), Set.of(), Effect.ALWAYS, RepairMode.RESTORE, any,
                (b, t, rnd, p) -> config(b, "0.9", r -> r.dropout = 0.9)));
        f.add(new FaultClass("batch_size_1", "training.batch_size: 1", List.of("CONFIG_BATCH_SIZE"), DYNAMICS, Set.of(),
                Effect.OUTCOME, RepairMode.RESTORE, r -> notLbfgs.test(r) && (long) r.trainRows * r.epochs <= 60_000,
                (b, t, rnd, p) -> config(b, b.optimizer, r -> r.batchSize = 1)));
        f.add(new FaultClass("full_batch", "batch size >= training rows", List.of("CONFIG_BATCH_SIZE"), SLOW, Set.of(),
                Effect.ALWAYS, RepairMode.RESTORE, notLbfgs, (b, t, rnd, p) -> config(b, b.optimizer, r -> r.batchSize = b.rows)));
        f.add(new FaultClass("leak_noisy_copy", "a noisy copy of the target as a feature", List.of("DATA_TARGET_LEAK@column"),
                Set.of(), Set.of(), Effect.ALWAYS, RepairMode.RESTORE_WITHOUT_COLUMN, any, Faults::noisyCopy));
        f.add(new FaultClass("leak_binned_copy", "a binned copy of a regression target (10 quantile bins)",
                List.of("DATA_TARGET_LEAK@column"), Set.of(), Set.of(), Effect.ALWAYS, RepairMode.RESTORE_WITHOUT_COLUMN,
                regression, Faults::binnedCopy));
        f.add(new FaultClass("leak_row_number", "a row-number column on a file sorted by class", List.of("DATA_TARGET_LEAK@column"),
                Set.of(), Set.of(), Effect.ALWAYS, RepairMode.RESTORE_WITHOUT_COLUMN, Recipe::classification, Faults::rowNumber));
        f.add(new FaultClass("identifier_column", "a text identifier column (one value per row)",
                List.of("DATA_HIGH_CARDINALITY@column"), Set.of("DATA_UNSEEN_CATEGORY", "DATA_TOO_SMALL", "TRAIN_OVERFITTING",
                "TRAIN_UNDERFITTING", "CONFIG_MEMORY"), Set.of(), Effect.ALWAYS, RepairMode.RESTORE_WITHOUT_COLUMN, any,
                Faults::identifier));
        f.add(new FaultClass("permuted_labels", "target permuted across rows", List.of("DATA_NOT_LEARNABLE"),
                Set.of("TRAIN_OVERFITTING", "TRAIN_PREDICTS_CONSTANT", "TRAIN_LOSS_PLATEAU", "TRAIN_UNDERFITTING"), Set.of(),
                Effect.ALWAYS, RepairMode.UNREPAIRABLE, any, Faults::permute));
        f.add(new FaultClass("label_noise", "30% of labels flipped (classification) / noise of one target SD added (regression)",
                List.of(), Set.of("TRAIN_OVERFITTING", "TRAIN_UNDERFITTING", "TRAIN_LOSS_PLATEAU"), Set.of("DATA_NOT_LEARNABLE"),
                Effect.NO_ROOT, RepairMode.NOT_SCORED, any, Faults::labelNoise));
        f.add(new FaultClass("missing_features", "10% missing in up to 3 numeric features, impute: none",
                List.of("DATA_NON_FINITE"), Set.of(), Set.of(), Effect.ALWAYS, RepairMode.RESTORE, any, Faults::missingFeatures));
        f.add(new FaultClass("missing_target", "5% of rows without a target", List.of("DATA_TARGET_MISSING", "DATA_NON_FINITE"),
                Set.of(), Set.of(), Effect.ALWAYS, RepairMode.RESTORE, any, Faults::missingTarget));
        f.add(new FaultClass("schedule_to_zero", "a schedule that drives the rate to ~0 early", List.of("CONFIG_SCHEDULE"), SLOW,
                Set.of(), Effect.ALWAYS, RepairMode.RESTORE, r -> notLbfgs.test(r) && r.epochs >= 15, (b, t, rnd, p) -> {
                    Recipe r = b.copy();
                    boolean exp = rnd.nextBoolean();
                    r.schedule = exp ? "exponential" : "{type: step, step_size: 2, gamma: 0.1}";
                    return new Injected(r, exp ? "exponential (default gamma 0.1)" : "step 2, gamma 0.1", null);
                }));
        f.add(new FaultClass("too_few_epochs", "training.epochs: 2", List.of("TRAIN_STILL_IMPROVING"),
                Set.of("TRAIN_UNDERFITTING", "TRAIN_PREDICTS_CONSTANT"), Set.of(), Effect.OUTCOME, RepairMode.RESTORE,
                r -> r.epochs >= 20, (b, t, rnd, p) -> config(b, "2", r -> {
                    r.epochs = 2;
                    r.patience = null;
                })));
        f.add(new FaultClass("too_little_capacity", "hidden: [1] or [2]", List.of("TRAIN_UNDERFITTING"),
                Set.of("TRAIN_PREDICTS_CONSTANT", "TRAIN_DEAD_RELU", "TRAIN_LOSS_PLATEAU", "TRAIN_SATURATED_ACTIVATIONS"), Set.of(),
                Effect.OUTCOME, RepairMode.RESTORE, any, (b, t, rnd, p) -> {
                    Recipe r = b.copy();
                    r.hidden = new int[] {1 + rnd.nextInt(2)};
                    r.dropout = 0;
                    return new Injected(r, "[" + r.hidden[0] + "]", null);
                }));
        f.add(new FaultClass("overfit_small_data", "200 rows, hidden [256, 256], 200 epochs, no early stopping (extra class)",
                List.of("TRAIN_OVERFITTING", "DATA_TOO_SMALL"), Set.of("TRAIN_UNDERFITTING", "TRAIN_LOSS_OSCILLATING",
                "DATA_NOT_LEARNABLE", "DATA_CLASS_MISSING_IN_SPLIT", "DATA_CONSTANT_FEATURE", "DATA_DUPLICATE_ROWS"), Set.of(),
                Effect.OUTCOME, RepairMode.RESTORE, r -> r.rows > 400 && r.features <= 100,
                Faults::overfitSmall));
        return f;
    }

    private static Injected overfitSmall(Recipe b, Table data, SplittableRandom rnd, Path derived) {
        Table t = data.copy();
        List<String[]> rows = new ArrayList<>(t.rows);
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            String[] x = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, x);
        }
        Table small = new Table(t.header, new ArrayList<>(rows.subList(0, 200)));
        Injected in = withData(b, small, derived, "200 rows", null);
        Recipe r = in.recipe();
        r.hidden = new int[] {256, 256};
        r.epochs = 200;
        r.patience = null;
        r.dropout = 0;
        r.l2 = 0;
        r.batchSize = Math.min(b.batchSize, 32);
        return in;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }

    private static Injected config(Recipe base, String kind, java.util.function.Consumer<Recipe> change) {
        Recipe r = base.copy();
        change.accept(r);
        return new Injected(r, kind, null);
    }

    private static Injected withData(Recipe base, Table t, Path derived, String kind, String column) {
        t.write(derived);
        Recipe r = base.copy();
        r.data = derived;
        r.rows = t.rows.size();
        r.trainRows = (int) Math.floor(r.rows * 0.7);
        return new Injected(r, kind, column);
    }

    private static List<Integer> numericFeatures(Recipe b, Table t) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < t.header.length; c++) {
            if (b.dataset.isFeature(t.header[c]) && t.numeric(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static void scaleColumn(Table t, int c, double factor) {
        for (String[] row : t.rows) {
            if (!row[c].isEmpty()) {
                row[c] = Table.num(Double.parseDouble(row[c]) * factor);
            }
        }
    }

    private static Injected scaleFeatures(Recipe b, Table data, Path derived, double factor) {
        Table t = data.copy();
        for (int c : numericFeatures(b, t)) {
            scaleColumn(t, c, factor);
        }
        Injected in = withData(b, t, derived, "x" + Table.num(factor), null);
        in.recipe().scale = "none";
        return in;
    }

    private static Injected scaleTarget(Recipe b, Table data, Path derived, double factor) {
        Table t = data.copy();
        scaleColumn(t, t.column(b.dataset.target()), factor);
        Injected in = withData(b, t, derived, "x" + Table.num(factor), null);
        in.recipe().extra.put("data.preprocess.scale_target", "none");
        return in;
    }

    private static Injected outputLoss(Recipe b, Table data, SplittableRandom rnd, Path derived) {
        String[][] kinds;
        if (!b.classification()) {
            kinds = new String[][] {{"sigmoid", "mse"}, {"softmax", "mse"}};
        } else if (classes(b, data).size() == 2) {
            kinds = new String[][] {{"softmax", "binary_cross_entropy"}, {"identity", "binary_cross_entropy"}};
        } else {
            kinds = new String[][] {{"softmax", "mse"}, {"sigmoid", "cross_entropy"}, {"identity", "cross_entropy"}};
        }
        String[] k = kinds[rnd.nextInt(kinds.length)];
        Recipe r = b.copy();
        r.extra.put("model.output_activation", k[0]);
        r.extra.put("model.loss", k[1]);
        return new Injected(r, k[0] + " + " + k[1], null);
    }

    private static TreeSet<String> classes(Recipe b, Table t) {
        int c = t.column(b.dataset.target());
        TreeSet<String> s = new TreeSet<>();
        t.rows.forEach(row -> {
            if (!row[c].isEmpty()) {
                s.add(row[c]);
            }
        });
        return s;
    }

    /** The class of each row as its index in sorted order (NaN when missing). */
    private static double[] classIndex(Recipe b, Table t) {
        List<String> cls = new ArrayList<>(classes(b, t));
        int c = t.column(b.dataset.target());
        double[] out = new double[t.rows.size()];
        for (int i = 0; i < out.length; i++) {
            String v = t.rows.get(i)[c];
            out[i] = v.isEmpty() ? Double.NaN : cls.indexOf(v);
        }
        return out;
    }

    private static double sd(double[] v) {
        double m = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                m += x;
                n++;
            }
        }
        m /= Math.max(1, n);
        double s = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += (x - m) * (x - m);
            }
        }
        return Math.sqrt(s / Math.max(1, n - 1));
    }

    private static String freeName(Table t, String name) {
        String n = name;
        for (int i = 2; Arrays.asList(t.header).contains(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }

    private static int position(Table t, SplittableRandom rnd) {
        return rnd.nextInt(t.header.length + 1);
    }

    private static Injected noisyCopy(Recipe b, Table data, SplittableRandom rnd, Path derived) {
        double[] y = b.classification() ? classIndex(b, data) : data.doubles(data.column(b.dataset.target()));
        double noise = 0.02 * (b.classification() ? 1 : sd(y));
        String[] v = new String[y.length];
        for (int i = 0; i < y.length; i++) {
            v[i] = Double.isNaN(y[i]) ? "" : Table.num(round(y[i] + noise * rnd.nextGaussian()));
        }
        String name = freeName(data, "reading_b");
        return withData(b, data.withColumn(position(data, rnd), name, v), derived, "noise 2% of SD", name);
    }

    private static double round(double v) {
        return Double.parseDouble(new java.math.BigDecimal(v).round(new java.math.MathContext(6)).toString());
    }

    private static Injected binnedCopy(Recipe b, Table data, SplittableRandom rnd, Path derived) {
        double[] y = data.doubles(data.column(b.dataset.target()));
        double[] sorted = Arrays.stream(y).filter(d -> !Double.isNaN(d)).sorted().toArray();
        double[] cuts = new double[9];
        for (int q = 1; q <= 9; q++) {
            cuts[q - 1] = sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length / 10.0))];
        }
        String[] v = new String[y.length];
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                v[i] = "";
                continue;
            }
            int bin = 0;
            while (bin < cuts.length && y[i] >= cuts[bin]) {
                bin++;
            }
            v[i] = Integer.toString(bin);
        }
        String name = freeName(data, "grade_band");
        return withData(b, data.withColumn(position(data, rnd), name, v), derived, "10 quantile bins", name);
    }

    private static Injected rowNumber(Recipe b, Table data, SplittableRandom rnd, Path derived) {
        Table t = data.copy();
        int c = t.column(b.dataset.target());
        t.rows.sort((x, y) -> x[c].compareTo(y[c]));
        String[] v = new String[t.rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Integer.toString(i + 1);
        }
        String name = freeName(t, "row_no");
        return withData(b, t.withColumn(0, name, v), derived, "sorted by class", name);
    }

    private static Injected identifier(Recipe b, Table data, SplittableRandom rnd, Path derived) {
        int n = data.rows.size();
        int[] ids = java.util.stream.IntStream.range(0, n).map(i -> 100000 + i * 7).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int x = ids[i];
            ids[i] = ids[j];
            ids[j] = x;
        }
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = "C" + ids[i];
        }
        String name = freeName(data, "customer_ref");
        return withData(b, data.withColumn(0, name, v), derived, "text id", name);
    }

    private static Injected permute(Recipe b, Table data, SplittableRandom rnd, Path derived) {
        Table t = data.copy();
        int c = t.column(b.dataset.target());
        for (int i = t.rows.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            String x = t.rows.get(i)[c];
            t.rows.get(i)[c] = t.rows.get(j)[c];
            t.rows.get(j)[c] = x;
        }
        return withData(b, t, derived, "permuted", null);
    }

    private static Injected labelNoise(Recipe b, Table data, SplittableRandom rnd, Path derived) {
        Table t = data.copy();
        int c = t.column(b.dataset.target());
        if (b.classification()) {
            List<String> cls = new ArrayList<>(classes(b, t));
            for (String[] row : t.rows) {
                if (!row[c].isEmpty() && rnd.nextDouble() < 0.3) {
                    String other;
                    do {
                        other = cls.get(rnd.nextInt(cls.size()));
                    } while (other.equals(row[c]));
                    row[c] = other;
                }
            }
            return withData(b, t, derived, "30% flipped", null);
        }
        double s = sd(t.doubles(c));
        for (String[] row : t.rows) {
            if (!row[c].isEmpty()) {
                row[c] = Table.num(round(Double.parseDouble(row[c]) + s * rnd.nextGaussian()));
            }
        }
        return withData(b, t, derived, "noise 1 SD", null);
    }

    private static Injected missingFeatures(Recipe b, Table data, SplittableRandom rnd, Path derived) {
        Table t = data.copy();
        List<Integer> cols = new ArrayList<>(numericFeatures(b, t));
        for (int i = cols.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Integer x = cols.get(i);
            cols.set(i, cols.get(j));
            cols.set(j, x);
        }
        // prefer columns that vary (an always-zero pixel with gaps is not much of a fault)
        cols.removeIf(c -> sd(t.doubles(c)) == 0);
        List<Integer> pick = cols.subList(0, Math.min(3, cols.size()));
        for (int c : pick) {
            for (String[] row : t.rows) {
                if (rnd.nextDouble() < 0.10) {
                    row[c] = "";
                }
            }
        }
        Injected in = withData(b, t, derived, pick.size() + " columns", null);
        in.recipe().impute = null;
        return in;
    }

    private static Injected missingTarget(Recipe b, Table data, SplittableRandom rnd, Path derived) {
        Table t = data.copy();
        int c = t.column(b.dataset.target());
        int n = 0;
        for (String[] row : t.rows) {
            if (rnd.nextDouble() < 0.05) {
                row[c] = "";
                n++;
            }
        }
        if (n == 0) {
            t.rows.get(rnd.nextInt(t.rows.size()))[c] = "";
        }
        return withData(b, t, derived, "5% of rows", null);
    }
}
