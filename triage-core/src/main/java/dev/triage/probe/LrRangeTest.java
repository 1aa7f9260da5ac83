package dev.triage.probe;

import dev.triage.config.DType;
import dev.triage.data.Encoded;
import dev.triage.data.Splitter;
import dev.triage.nn.Engine;
import dev.triage.nn.EngineData;
import dev.triage.nn.Engines;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.OptimizerSpec;
import dev.triage.nn.Seeds;
import dev.triage.nn.StepStats;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The learning-rate range test: train from the initial weights while the learning rate grows
 * exponentially from {@code minRate} to {@code maxRate} over {@code steps} mini-batches, and watch the
 * smoothed loss. The suggestion is the rate where the loss falls fastest (steepest slope against
 * log-rate), but at most a tenth of the rate of lowest loss (the steepest point sits close to where
 * the loss turns, which is too fast to train at for long); none (NaN) when the curve is flat — the
 * loss never fell {@value #MIN_DROP} below its early level. The divergence point is where the smoothed
 * loss first exceeds 4x its minimum.
 */
public final class LrRangeTest {
    /** Exponential smoothing of the per-batch loss. */
    static final double SMOOTHING = 0.9;
    static final double DIVERGENCE_FACTOR = 4;
    static final int WINDOW = 5;
    /** Without a drop of the smoothed loss by this share below its early level, the curve is flat: no suggestion. */
    static final double MIN_DROP = 0.1;

    /** One step of the test. */
    public record Point(int step, double learningRate, double loss, double smoothed) {
    }

    /** The curve, the suggested rate, the rate of lowest smoothed loss, and where it diverged (NaN if never). */
    public record Result(List<Point> points, double suggested, double lowest, double divergence) {
    }

    private LrRangeTest() {
    }

    public static Result run(NetworkSpec spec, OptimizerSpec optimizer, DType dtype, Encoded train, int batch, long seed,
                             double minRate, double maxRate, int steps) {
        int b = Math.max(1, Math.min(batch, train.rows()));
        try (Engine e = Engines.create(spec, optimizer, dtype, b)) {
            EngineData data = BatchProbe.upload(e, train, java.util.stream.IntStream.range(0, train.rows()).toArray(), -1);
            int[] order = java.util.stream.IntStream.range(0, train.rows()).toArray();
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.SHUFFLE, 0));
            Splitter.shuffle(order, rng);
            StepStats s = new StepStats(spec.layers().size());
            List<Point> points = new ArrayList<>();
            double avg = 0;
            double best = Double.POSITIVE_INFINITY;
            int from = 0;
            for (int i = 0; i < steps; i++) {
                double lr = minRate * Math.pow(maxRate / minRate, i / (double) (steps - 1));
                if (from + b > order.length) {
                    Splitter.shuffle(order, rng);
                    from = 0;
                }
                e.trainStep(data, order, from, from + b, lr, i + 1, false, s);
                from += b;
                avg = SMOOTHING * avg + (1 - SMOOTHING) * s.loss;
                double smoothed = avg / (1 - Math.pow(SMOOTHING, i + 1));
                points.add(new Point(i + 1, lr, s.loss, smoothed));
                if (!Double.isFinite(smoothed) || smoothed > DIVERGENCE_FACTOR * best) {
                    break;
                }
                best = Math.min(best, smoothed);
            }
            return summarize(points, best);
        }
    }

    /**
     * The suggestion is the steepest descent of the smoothed loss against log-rate, measured across a
     * window of {@value #WINDOW} steps on each side (single steps are too noisy), after the first 10% of
     * the steps and before the lowest loss; without a clear descent, a tenth of the rate of lowest loss.
     */
    private static Result summarize(List<Point> points, double best) {
        int lowestAt = 0;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).smoothed() == best) {
                lowestAt = i;
            }
        }
        double lowest = points.get(lowestAt).learningRate();
        double steepest = Double.NaN;
        double slope = 0;
        for (int i = Math.max(WINDOW, points.size() / 10); i + WINDOW <= lowestAt; i++) {
            Point a = points.get(i - WINDOW);
            Point b = points.get(i + WINDOW);
            double dl = (b.smoothed() - a.smoothed()) / (Math.log(b.learningRate()) - Math.log(a.learningRate()));
            if (Double.isFinite(dl) && dl < slope) {
                slope = dl;
                steepest = points.get(i).learningRate();
            }
        }
        Point last = points.get(points.size() - 1);
        boolean diverged = !Double.isFinite(last.smoothed()) || last.smoothed() > DIVERGENCE_FACTOR * best;
        double start = points.get(Math.min(points.size() - 1, WINDOW)).smoothed();
        boolean flat = !(best < (1 - MIN_DROP) * start);
        double suggested = flat ? Double.NaN : Double.isNaN(steepest) ? lowest / 10 : Math.min(steepest, lowest / 10);
        return new Result(points, suggested, lowest, diverged ? last.learningRate() : Double.NaN);
    }
}
