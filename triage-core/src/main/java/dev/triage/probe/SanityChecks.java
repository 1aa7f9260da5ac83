package dev.triage.probe;

import dev.triage.config.DType;
import dev.triage.config.Optimizer;
import dev.triage.data.Encoded;
import dev.triage.nn.Engine;
import dev.triage.nn.EngineData;
import dev.triage.nn.Engines;
import dev.triage.nn.LayerSpec;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.OptimizerSpec;
import dev.triage.nn.Seeds;
import dev.triage.nn.StepStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Checks that the pipeline is correct, independent of tuning: the network can memorize 1, 2 and 8
 * examples; its analytic gradients match finite differences (float64); and the gradient of one
 * example's loss does not reach other examples' inputs (no mixing or broadcasting across the batch).
 */
public final class SanityChecks {
    /** Memorizing a few rows must bring the loss below this fraction of its starting value. */
    static final double OVERFIT_SHARE = 0.01;
    static final int OVERFIT_STEPS = 1000;
    /** Largest tolerated relative difference between analytic and numeric gradients. */
    static final double GRADIENT_TOLERANCE = 1e-4;
    static final int CHECKED_PARAMETERS = 64;

    private SanityChecks() {
    }

    /** The configured network without dropout: the checks need a deterministic function of the weights. */
    static NetworkSpec deterministic(NetworkSpec s) {
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec l : s.layers()) {
            layers.add(new LayerSpec(l.units(), l.activation(), 0, l.batchNorm(), l.init(), l.initScale(), l.biasInit(), 1));
        }
        return new NetworkSpec(s.inputs(), layers, s.loss(), s.leakyReluSlope(), s.seed());
    }

    public static List<SanityResult> all(NetworkSpec spec, Encoded train, long seed) {
        List<SanityResult> out = new ArrayList<>();
        for (int rows : new int[] {1, 2, 8}) {
            out.add(overfit(spec, train, rows, seed));
        }
        out.add(gradientCheck(spec, train, seed));
        out.add(batchIndependence(spec, train, seed));
        return out;
    }

    /** Trains on {@code rows} examples with Adam (lr 0.01, full batch) until the loss is near zero. */
    static SanityResult overfit(NetworkSpec spec, Encoded train, int rows, long seed) {
        int n = Math.min(rows, train.rows());
        int[] pick = sample(train.rows(), n, seed);
        try (Engine e = Engines.create(deterministic(spec), OptimizerSpec.of(Optimizer.ADAM), DType.FLOAT32, n)) {
            EngineData data = upload(e, train, pick);
            int[] order = java.util.stream.IntStream.range(0, n).toArray();
            StepStats s = new StepStats(spec.layers().size());
            double first = e.evaluate(data, null);
            double loss = first;
            int step = 0;
            while (step < OVERFIT_STEPS && !(loss <= OVERFIT_SHARE * first)) {
                e.trainStep(data, order, 0, n, 0.01, ++step, false, s);
                loss = e.evaluate(data, null);
            }
            boolean ok = loss <= OVERFIT_SHARE * first || loss < 1e-4;
            Map<String, Double> numbers = numbers("rows", n, "initial_loss", first, "final_loss", loss, "steps", step);
            String detail = ok ? "memorized " + n + " example(s) in " + step + " steps (loss " + fmt(first) + " -> " + fmt(loss) + ")"
                    : "could not memorize " + n + " example(s): the loss only went from " + fmt(first) + " to " + fmt(loss)
                    + " in " + step + " steps; a correct pipeline gets near zero, so suspect a bug (labels, output, loss)";
            return new SanityResult("overfit-" + n, ok ? SanityResult.Verdict.PASSED : SanityResult.Verdict.FAILED, detail, numbers);
        }
    }

    /** Central differences in float64 on a real batch, for a sample of the parameters. */
    static SanityResult gradientCheck(NetworkSpec spec, Encoded train, long seed) {
        int n = Math.min(8, train.rows());
        try (Engine e = Engines.create(deterministic(spec), OptimizerSpec.of(Optimizer.SGD), DType.FLOAT64, n)) {
            EngineData data = upload(e, train, sample(train.rows(), n, seed));
            int[] rows = java.util.stream.IntStream.range(0, n).toArray();
            double[] p = e.parameters();
            double[] analytic = new double[p.length];
            e.lossAndGradient(data, rows, 1, analytic);
            double[] scratch = new double[p.length];
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.PROBE, 5));
            double worst = 0;
            for (int c = 0; c < Math.min(CHECKED_PARAMETERS, p.length); c++) {
                int i = p.length <= CHECKED_PARAMETERS ? c : rng.nextInt(p.length);
                double h = 1e-6 * Math.max(1, Math.abs(p[i]));
                double keep = p[i];
                p[i] = keep + h;
                e.setParameters(p);
                double up = e.lossAndGradient(data, rows, 1, scratch);
                p[i] = keep - h;
                e.setParameters(p);
                double down = e.lossAndGradient(data, rows, 1, scratch);
                p[i] = keep;
                e.setParameters(p);
                double numeric = (up - down) / (2 * h);
                double rel = Math.abs(numeric - analytic[i]) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic[i]));
                worst = Math.max(worst, rel);
            }
            boolean ok = worst < GRADIENT_TOLERANCE;
            return new SanityResult("gradient-check", ok ? SanityResult.Verdict.PASSED : SanityResult.Verdict.FAILED,
                    (ok ? "analytic and numeric gradients agree" : "analytic and numeric gradients differ")
                            + " (largest relative difference " + fmt(worst) + " over " + Math.min(CHECKED_PARAMETERS, p.length)
                            + " parameters)", numbers("max_relative_error", worst, "tolerance", GRADIENT_TOLERANCE));
        }
    }

    /**
     * Changes one example's target and checks that only that example's input gradient changes. Batch
     * norm couples the examples of a batch by design, so with it the check cannot judge.
     */
    static SanityResult batchIndependence(NetworkSpec spec, Encoded train, long seed) {
        if (spec.layers().stream().anyMatch(LayerSpec::batchNorm)) {
            return new SanityResult("batch-independence", SanityResult.Verdict.INCONCLUSIVE,
                    "batch norm couples the examples of a batch by design; skipped", Map.of());
        }
        return measureBatchIndependence(spec, train, seed);
    }

    /** The measurement of {@link #batchIndependence}, whatever the layers (with batch norm it finds the coupling). */
    static SanityResult measureBatchIndependence(NetworkSpec spec, Encoded train, long seed) {
        int n = Math.min(4, train.rows());
        int[] pick = sample(train.rows(), n, seed);
        try (Engine e = Engines.create(deterministic(spec), OptimizerSpec.of(Optimizer.SGD), DType.FLOAT64, n)) {
            int[] rows = java.util.stream.IntStream.range(0, n).toArray();
            int d = train.features();
            double[] g1 = new double[n * d];
            double[] g2 = new double[n * d];
            e.inputGradient(upload(e, train, pick), rows, 1, g1);
            e.inputGradient(BatchProbe.withChangedTarget(e, train, pick, 0), rows, 1, g2);
            double leaked = 0;
            double own = 0;
            for (int j = 0; j < d * n; j++) {
                double diff = Math.abs(g2[j] - g1[j]);
                if (j < d) {
                    own = Math.max(own, diff);
                } else {
                    leaked = Math.max(leaked, diff);
                }
            }
            boolean ok = leaked == 0;
            return new SanityResult("batch-independence", ok ? SanityResult.Verdict.PASSED : SanityResult.Verdict.FAILED,
                    ok ? "changing one example's target changes only that example's gradient"
                            : "changing one example's target changed the gradient of other examples by up to " + fmt(leaked)
                            + ": examples are mixed across the batch (a broadcasting or reshaping bug)",
                    numbers("leaked_gradient", leaked, "own_gradient_change", own));
        }
    }

    static int[] sample(int total, int n, long seed) {
        int[] all = java.util.stream.IntStream.range(0, total).toArray();
        dev.triage.data.Splitter.shuffle(all, new SplittableRandom(Seeds.derive(seed, Seeds.PROBE, 6)));
        return java.util.Arrays.copyOf(all, n);
    }

    static EngineData upload(Engine e, Encoded train, int[] pick) {
        return BatchProbe.upload(e, train, pick, -1);
    }

    static Map<String, Double> numbers(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
