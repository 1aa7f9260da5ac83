package dev.triage.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EngineContractTest {
    private static NetworkSpec net(int inputs, int hidden, int outputs, Loss loss, Activation out) {
        return new NetworkSpec(inputs, List.of(
                new LayerSpec(hidden, Activation.RELU, 0.1, false, Init.HE_UNIFORM, 1, 0, 1),
                new LayerSpec(hidden, Activation.TANH, 0, true, Init.XAVIER_UNIFORM, 1, 0, 1),
                new LayerSpec(outputs, out, 0, false, Init.XAVIER_UNIFORM, 1, 0, 1)), loss, 0.01, 3);
    }

    private static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    @Test
    void mismatchedShapesAreErrorsNamingBothShapesNeverBroadcasts() {
        try (Engine e = Engines.create(net(3, 4, 1, Loss.MSE, Activation.IDENTITY), OptimizerSpec.of(Optimizer.SGD), DType.FLOAT32, 8)) {
            assertThatThrownBy(() -> e.upload(new double[10], 5, 2, new double[5], 1, null))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("input features: expected shape [N, 3] but got [N, 2] (Triage does not broadcast shapes)");
            assertThatThrownBy(() -> e.upload(new double[15], 5, 3, new double[5], 2, null))
                    .hasMessageContaining("targets: expected shape [5, 1] but got [5, 2]");
            assertThatThrownBy(() -> e.upload(new double[15], 5, 3, new double[25], 1, null))
                    .hasMessageContaining("targets: expected shape [5, 1]");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        double[] one = train(1);
        double[] two = train(2);
        assertThat(two).isEqualTo(one);
    }

    private static double[] train(int threads) {
        int n = 256;
        int d = 64;
        double[] x = random(n * d, 1);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 5;
        }
        try (Engine e = Engines.create(net(d, 96, 5, Loss.CROSS_ENTROPY, Activation.SOFTMAX), OptimizerSpec.of(Optimizer.ADAM),
                DType.FLOAT32, n, threads)) {
            EngineData data = e.upload(x, n, d, null, 5, labels);
            StepStats s = new StepStats(3);
            int[] order = java.util.stream.IntStream.range(0, n).toArray();
            // full batches of 256 x 64 x 96: large enough to be split over the threads
            for (int step = 0; step < 12; step++) {
                e.trainStep(data, order, 0, n, 0.01, step + 1, step % 3 == 0, s);
            }
            return e.parameters();
        }
    }

    @Test
    void aTrainingStepAllocatesNothing() {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 128;
        double[] x = random(n * 8, 2);
        try (Engine e = Engines.create(net(8, 32, 1, Loss.MSE, Activation.IDENTITY), OptimizerSpec.of(Optimizer.ADAM), DType.FLOAT32, 32)) {
            EngineData data = e.upload(x, n, 8, random(n, 3), 1, null);
            StepStats s = new StepStats(3);
            int[] order = java.util.stream.IntStream.range(0, n).toArray();
            for (int i = 0; i < 20_000; i++) {
                e.trainStep(data, order, (i % 4) * 32, (i % 4) * 32 + 32, 1e-4, i, i % 7 == 0, s);
            }
            long tid = Thread.currentThread().getId();
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 2_000; i++) {
                e.trainStep(data, order, (i % 4) * 32, (i % 4) * 32 + 32, 1e-4, i, i % 7 == 0, s);
            }
            long perStep = (mx.getThreadAllocatedBytes(tid) - before) / 2_000;
            assertThat(perStep).as("bytes allocated per training step").isZero();
        }
    }

    @Test
    void float32AndFloat64Agree() {
        double[] f32 = lossesOf(DType.FLOAT32);
        double[] f64 = lossesOf(DType.FLOAT64);
        assertThat(f32[f32.length - 1]).isCloseTo(f64[f64.length - 1], org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    private static double[] lossesOf(DType dtype) {
        int n = 200;
        double[] x = random(n * 4, 5);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(x[i * 4]) + x[i * 4 + 1] * x[i * 4 + 2];
        }
        NetworkSpec spec = new NetworkSpec(4, List.of(new LayerSpec(16, Activation.TANH, 0, false, Init.XAVIER_UNIFORM, 1, 0, 1),
                new LayerSpec(1, Activation.IDENTITY, 0, false, Init.XAVIER_UNIFORM, 1, 0, 1)), Loss.MSE, 0.01, 9);
        try (Engine e = Engines.create(spec, OptimizerSpec.of(Optimizer.ADAM), dtype, 20)) {
            EngineData data = e.upload(x, n, 4, y, 1, null);
            StepStats s = new StepStats(2);
            int[] order = java.util.stream.IntStream.range(0, n).toArray();
            double[] losses = new double[20];
            for (int epoch = 0; epoch < 20; epoch++) {
                for (int b = 0; b < n; b += 20) {
                    e.trainStep(data, order, b, b + 20, 0.01, epoch * 10L + b / 20, false, s);
                }
                losses[epoch] = e.evaluate(data, null);
            }
            return losses;
        }
    }
}
