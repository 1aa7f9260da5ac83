package dev.triage.diagnose;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Imputation;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.config.Scaling;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.NumericSummary;
import dev.triage.probe.log.OutlierSummary;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import java.util.ArrayList;
import java.util.List;

/** Scripted run logs for rule tests: healthy defaults, changed one field at a time. */
final class Logs {
    private Logs() {
    }

    /** A mutable recipe for a {@link RunSetup}. */
    static final class Setup {
        Task task = Task.REGRESSION;
        int classes = 0;
        List<LayerFacts> layers = layers(Activation.RELU, Init.HE_UNIFORM, 1.0, 0.0, 16, 8);
        Loss loss = Loss.MSE;
        Optimizer optimizer = Optimizer.ADAM;
        double lr = 1e-3;
        double momentum = 0.9;
        int batch = 32;
        int epochs = 50;
        int trainRows = 1000;
        double l1 = 0;
        double l2 = 0;
        double weightDecay = 0;
        boolean restoreBest = false;
        Scaling scale = Scaling.STANDARD;
        TargetScaling scaleTarget = TargetScaling.STANDARD;
        Imputation impute = Imputation.NONE;
        boolean shuffled = true;
        long estimatedBytes = 1 << 20;
        long maxHeap = 1L << 30;
        int validationRows = 200;
        dev.triage.config.ScheduleConfig schedule = dev.triage.config.ScheduleConfig.constant();
        boolean classWeighted = false;

        RunSetup build() {
            long params = layers.stream().mapToLong(l -> (long) l.fanIn() * l.units() + l.units()).sum();
            return new RunSetup(task, classes, layers, loss, optimizer, lr, momentum, batch, epochs, trainRows, validationRows,
                    l1, l2, weightDecay, GradientNormalization.NONE, restoreBest, restoreBest, scale, scaleTarget, impute,
                    shuffled, shuffled && task == Task.CLASSIFICATION, params, estimatedBytes, maxHeap, DType.FLOAT32, schedule,
                    classWeighted);
        }
    }

    /** Hidden layers of the given widths on 10 inputs, plus one identity output unit. */
    static List<LayerFacts> layers(Activation act, Init init, double scale, double dropout, int... units) {
        List<LayerFacts> out = new ArrayList<>();
        int fanIn = 10;
        for (int i = 0; i < units.length; i++) {
            out.add(new LayerFacts(i, fanIn, units[i], act, dropout, false, init, scale));
            fanIn = units[i];
        }
        out.add(new LayerFacts(units.length, fanIn, 1, Activation.IDENTITY, 0, false, Init.XAVIER_UNIFORM, 1));
        return out;
    }

    /** The same layers with every hidden layer's bias starting at {@code bias}. */
    static List<LayerFacts> withBias(List<LayerFacts> layers, double bias) {
        List<LayerFacts> out = new ArrayList<>();
        for (LayerFacts l : layers) {
            boolean hidden = l.index() < layers.size() - 1;
            out.add(new LayerFacts(l.index(), l.fanIn(), l.units(), l.activation(), l.dropout(), l.batchNorm(), l.init(),
                    l.initScale(), hidden ? bias : l.biasInit()));
        }
        return out;
    }

    /** The same layers with the output layer's activation changed. */
    static List<LayerFacts> withOutput(List<LayerFacts> layers, Activation act) {
        List<LayerFacts> out = new ArrayList<>(layers.subList(0, layers.size() - 1));
        LayerFacts l = layers.get(layers.size() - 1);
        out.add(new LayerFacts(l.index(), l.fanIn(), l.units(), act, 0, false, l.init(), l.initScale()));
        return out;
    }

    /** A regression target column with its summary (min, median, max). */
    static ColumnProfile target(String name, double min, double median, double max) {
        NumericSummary sum = new NumericSummary(min, median, median, median, max, median, (max - min) / 4, (max - min) / 8);
        return new ColumnProfile(name, true, true, 1000, 0, 0, 50, false, sum, null, true, false);
    }

    static RunLog log(Setup s) {
        RunLog log = new RunLog();
        log.setSetup(s.build());
        return log;
    }

    static ColumnProfile numeric(String name, double min, double median, double max, double std, double mad) {
        NumericSummary sum = new NumericSummary(min, median - mad, median, median + mad, max, median, std, mad);
        return new ColumnProfile(name, false, true, 1000, 0, 0, 500, false, sum, new OutlierSummary(0, 10, 0, 0, Double.NaN, 0),
                false, false);
    }

    static ColumnProfile withOutliers(ColumnProfile c, OutlierSummary o) {
        return new ColumnProfile(c.name(), c.target(), c.numeric(), c.count(), c.missing(), c.infinite(), c.distinct(), false,
                c.summary(), o, c.integers(), c.constantInTrain());
    }

    static ColumnProfile withMissing(ColumnProfile c, long missing) {
        return new ColumnProfile(c.name(), c.target(), c.numeric(), c.count(), missing, 0, c.distinct(), false, c.summary(),
                c.outliers(), c.integers(), c.constantInTrain());
    }

    static DataSignals data(List<ColumnProfile> columns) {
        return new DataSignals("d.csv", 1000, 700, 150, 150, false, columns, null, new DuplicateRows(1000, 0, 0), List.of(),
                List.of(), List.of(), 0, 0);
    }

    static Baselines baselines(double trivial, double linear, double tree) {
        return new Baselines(List.of(new BaselineResult("trivial", "rmse", Math.sqrt(trivial), Math.sqrt(trivial), trivial),
                new BaselineResult("linear", "rmse", Math.sqrt(linear), Math.sqrt(linear), linear),
                new BaselineResult("tree", "rmse", Math.sqrt(tree), Math.sqrt(tree), tree)), "trivial",
                linear <= tree ? "linear" : "tree", 1 - Math.min(linear, tree) / trivial, Double.NaN, 0);
    }

    static EpochPoint epoch(int e, double train, double val, double metric, double predStd, double targetStd) {
        return new EpochPoint(e, e * 10L, 1e-3, train, val, metric, predStd, targetStd, 0.1);
    }

    /** A probe of a 3-layer network with the same value for every layer unless given per layer. */
    static ProbePoint probe(int epoch, double[] grad, double[] weight, double[] update, double[] dead, double[] saturated) {
        return new ProbePoint(epoch, epoch * 10L, 1e-3, 1.0, grad, weight, update, null, null, null, dead, saturated, 0.5);
    }

    static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
