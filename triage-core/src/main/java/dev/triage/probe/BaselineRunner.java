package dev.triage.probe;

import dev.triage.data.Encoded;
import dev.triage.data.PreparedData;
import dev.triage.data.Splitter;
import dev.triage.data.TargetEncoding;
import dev.triage.nn.Seeds;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.Baselines;
import dev.triage.train.Evaluation;
import dev.triage.train.TaskMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits the baselines a network must beat on the training split and scores them on validation and
 * test: {@code trivial} (mean or class frequencies), {@code linear} (ridge or logistic regression)
 * and {@code tree} (a shallow decision tree). Then asks whether the problem is learnable at all: the
 * best baseline's gain over the trivial one is compared with the gains the same model reaches on
 * permuted labels (up to {@value #PERMUTATIONS} refits, fewer when chance clearly reaches it), unless
 * the gain is large enough to be obvious.
 * The learnability gain is cross-validated over the training and validation rows (see
 * {@link Learnability}); a single small validation split is too noisy for it.
 */
public final class BaselineRunner {
    /** At most this many training rows are used to fit a baseline. */
    static final int MAX_FIT_ROWS = 5000;
    /** At most this many label permutations; the test stops once {@link #ENOUGH_REACHED} of them reached the gain. */
    static final int PERMUTATIONS = 99;
    static final int ENOUGH_REACHED = 5;
    /** A gain this large (validation loss below 75% of the trivial one) needs no permutation test. */
    static final double OBVIOUS_GAIN = 0.25;
    static final int MIN_VALIDATION_ROWS = 10;
    /** With this many validation rows an obvious gain on the validation split needs no cross-validation. */
    static final int CLEAR_VALIDATION_ROWS = 50;
    /** Fitting rows are capped so that rows x features stays within this budget (wide data fits fewer rows). */
    static final long FIT_CELLS = 1_000_000;

    private BaselineRunner() {
    }

    public static Baselines run(PreparedData d, long seed) {
        BaselineData b = BaselineData.of(d.train(), d.validation(), d.test());
        Encoded tr = d.train();
        TargetEncoding te = d.preprocessor().targetEncoding();
        int classes = d.target().isClassification() ? d.target().classCount() : 0;
        int[] rows = fitRows(tr.rows(), maxRows(tr.features()), seed);
        List<BaselineResult> results = new ArrayList<>();
        results.add(score("trivial", BaselineModels.trivial(tr.y(), tr.labels(), classes, rows), b, te, classes));
        results.add(score("linear", fit("linear", b, tr.y(), tr.labels(), classes, rows, seed), b, te, classes));
        results.add(score("tree", fit("tree", b, tr.y(), tr.labels(), classes, rows, seed), b, te, classes));
        BaselineResult best = results.get(1).validationLoss() <= results.get(2).validationLoss() ? results.get(1) : results.get(2);
        double validationGain = 1 - best.validationLoss() / results.get(0).validationLoss();
        if (validationGain >= OBVIOUS_GAIN && d.validation().rows() >= CLEAR_VALIDATION_ROWS) {
            return new Baselines(results, "trivial", best.name(), validationGain, Double.NaN, 0);
        }
        Learnability.Problem problem = problem(b, classes, seed);
        double linearGain = Learnability.gain("linear", problem);
        double treeGain = Learnability.gain("tree", problem);
        String model = !(treeGain > linearGain) ? "linear" : "tree";
        double gain = Math.max(nanToMin(linearGain), nanToMin(treeGain));
        double[] p = {Double.NaN, 0};
        if (problem.rows() >= MIN_VALIDATION_ROWS && !(gain >= OBVIOUS_GAIN)) {
            p = Learnability.pValue(model, problem, gain, PERMUTATIONS, ENOUGH_REACHED);
        }
        return new Baselines(results, "trivial", Double.isFinite(best.validationLoss()) ? best.name() : null, gain, p[0],
                (int) p[1], Learnability.accuracyGain(model, problem), problem.rows());
    }

    private static double nanToMin(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    /** Training and validation rows together (at most {@link #MAX_FIT_ROWS}), for cross-validation. */
    private static Learnability.Problem problem(BaselineData b, int classes, long seed) {
        int nt = b.train().rows();
        int nv = b.validation().rows();
        int max = maxRows(b.features());
        int n = Math.min(nt + nv, max);
        int[] pick = fitRows(nt + nv, max, seed);
        int d = b.features();
        double[] x = new double[n * d];
        double[] y = classes == 0 ? new double[n] : null;
        int[] labels = classes == 0 ? null : new int[n];
        for (int i = 0; i < n; i++) {
            int r = pick[i];
            boolean fromTrain = r < nt;
            int row = fromTrain ? r : r - nt;
            System.arraycopy(fromTrain ? b.trainX() : b.validationX(), row * d, x, i * d, d);
            if (y != null) {
                y[i] = (fromTrain ? b.train() : b.validation()).y()[row];
            } else {
                labels[i] = (fromTrain ? b.train() : b.validation()).labels()[row];
            }
        }
        return new Learnability.Problem(x, d, y, labels, classes, seed);
    }

    static int maxRows(int features) {
        return (int) Math.max(500, Math.min(MAX_FIT_ROWS, FIT_CELLS / Math.max(1, features)));
    }

    private static int[] fitRows(int n, int max, long seed) {
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        if (n <= max) {
            return all;
        }
        Splitter.shuffle(all, new SplittableRandom(Seeds.derive(seed, Seeds.PROBE, 1)));
        return java.util.Arrays.copyOf(all, max);
    }

    private static BaselineModels.Fitted fit(String name, BaselineData b, double[] y, int[] labels, int classes, int[] rows,
                                             long seed) {
        return name.equals("tree") ? BaselineModels.tree(b.trainX(), b.features(), y, labels, classes, rows, seed)
                : BaselineModels.linear(b.trainX(), b.features(), y, labels, classes, rows, seed);
    }

    private static BaselineResult score(String name, BaselineModels.Fitted m, BaselineData b, TargetEncoding te, int classes) {
        int w = BaselineModels.width(classes);
        TaskMetrics val = metrics(m.outputs(b.validationX(), b.validation().rows()), w, b.validation(), te);
        TaskMetrics test = metrics(m.outputs(b.testX(), b.test().rows()), w, b.test(), te);
        return new BaselineResult(name, classes == 0 ? "rmse" : "accuracy", primary(val), primary(test), loss(val));
    }

    private static TaskMetrics metrics(double[] out, int width, Encoded e, TargetEncoding te) {
        return e.rows() == 0 ? null : Evaluation.of(out, width, e, te);
    }

    private static double primary(TaskMetrics m) {
        return m == null ? Double.NaN : m.primary();
    }

    /** MSE in target units, or log loss: the units the network's validation score is compared in. */
    static double loss(TaskMetrics m) {
        if (m instanceof TaskMetrics.Regression r) {
            return r.rmse() * r.rmse();
        }
        return m instanceof TaskMetrics.Classification c ? c.logLoss() : Double.NaN;
    }
}
