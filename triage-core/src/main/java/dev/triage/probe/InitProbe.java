package dev.triage.probe;

import dev.triage.config.Loss;
import dev.triage.data.Encoded;
import dev.triage.data.Splitter;
import dev.triage.nn.Engine;
import dev.triage.nn.EngineData;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.Seeds;
import dev.triage.nn.StepStats;
import dev.triage.probe.log.InitSignals;
import java.util.SplittableRandom;

/**
 * Measures the network before its first update: one forward pass on a real batch of training rows
 * (loss, activation statistics per layer) and the regularization penalty of the initial weights.
 */
public final class InitProbe {
    /** Rows of the measured batch (or fewer if the training set is smaller). */
    static final int ROWS = 256;

    private InitProbe() {
    }

    public static InitSignals measure(Engine engine, EngineData trainData, Encoded train, double l1, double l2, long seed) {
        int n = Math.min(ROWS, Math.min(train.rows(), trainData.rows()));
        int[] all = java.util.stream.IntStream.range(0, train.rows()).toArray();
        Splitter.shuffle(all, new SplittableRandom(Seeds.derive(seed, Seeds.PROBE, 0)));
        int[] rows = java.util.Arrays.copyOf(all, n);
        NetworkSpec spec = engine.spec();
        StepStats s = new StepStats(spec.layers().size());
        double loss = engine.probeForward(trainData, rows, 0, s);
        int rowsMeasured = s.rows;
        return new InitSignals(rowsMeasured, loss, expectedLoss(spec, train, rows), loss, penalty(engine, l1, l2),
                s.preActStd.clone(), s.actStd.clone(), s.deadFraction.clone(), s.saturatedFraction.clone(), s.predictionStd,
                inputStd(train, rows));
    }

    /** The loss of a model that knows nothing: ln C for C classes, ln 2 per binary output, the target spread for regression. */
    static double expectedLoss(NetworkSpec spec, Encoded train, int[] rows) {
        Loss loss = spec.loss();
        if (loss == Loss.CROSS_ENTROPY) {
            return Math.log(Math.max(2, spec.outputs()));
        }
        if (loss == Loss.BINARY_CROSS_ENTROPY) {
            return Math.log(2);
        }
        if (train.y() == null) {
            return Double.NaN;
        }
        double mean = 0;
        for (int r : rows) {
            mean += train.y()[r] / rows.length;
        }
        double sq = 0;
        double abs = 0;
        for (int r : rows) {
            double d = train.y()[r] - mean;
            sq += d * d / rows.length;
            abs += Math.abs(d) / rows.length;
        }
        return loss == Loss.MAE ? abs : loss == Loss.HUBER ? sq / 2 : sq;
    }

    private static double penalty(Engine engine, double l1, double l2) {
        if (l1 == 0 && l2 == 0) {
            return 0;
        }
        dev.triage.nn.ParameterLayout layout = new dev.triage.nn.ParameterLayout(engine.spec());
        double[] p = engine.parameters();
        double total = 0;
        for (int s = 0; s < layout.count(); s++) {
            if (layout.isWeight(s)) {
                for (int i = layout.offset(s); i < layout.end(s); i++) {
                    total += 0.5 * l2 * p[i] * p[i] + l1 * Math.abs(p[i]);
                }
            }
        }
        return total;
    }

    private static double inputStd(Encoded train, int[] rows) {
        double s = 0;
        double ss = 0;
        long n = 0;
        int d = train.features();
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                double v = train.x()[r * d + j];
                if (Double.isFinite(v)) {
                    s += v;
                    ss += v * v;
                    n++;
                }
            }
        }
        double m = n == 0 ? 0 : s / n;
        return n == 0 ? Double.NaN : Math.sqrt(Math.max(0, ss / n - m * m));
    }
}
