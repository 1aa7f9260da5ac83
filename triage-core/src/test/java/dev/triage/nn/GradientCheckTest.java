package dev.triage.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Finite-difference checks (float64) of every activation, loss, dropout, batch norm and penalty. */
class GradientCheckTest {
    private static final int INPUTS = 3;
    private static final int ROWS = 5;

    static Stream<Arguments> hiddenActivations() {
        return Stream.of(Activation.IDENTITY, Activation.RELU, Activation.LEAKY_RELU, Activation.ELU, Activation.GELU,
                Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("hiddenActivations")
    void everyHiddenActivation(Activation act) {
        check(net(act, 0, false, Activation.IDENTITY, 1, Loss.MSE), OptimizerSpec.of(Optimizer.SGD), false);
    }

    static Stream<Arguments> outputsAndLosses() {
        return Stream.of(
                Arguments.of(Activation.IDENTITY, 2, Loss.MSE, false),
                Arguments.of(Activation.IDENTITY, 2, Loss.MAE, false),
                Arguments.of(Activation.IDENTITY, 2, Loss.HUBER, false),
                Arguments.of(Activation.SOFTMAX, 3, Loss.CROSS_ENTROPY, true),
                Arguments.of(Activation.SIGMOID, 1, Loss.BINARY_CROSS_ENTROPY, true),
                Arguments.of(Activation.SIGMOID, 1, Loss.MSE, true),
                Arguments.of(Activation.TANH, 2, Loss.MSE, false),
                Arguments.of(Activation.SOFTMAX, 3, Loss.MSE, true),
                Arguments.of(Activation.SIGMOID, 3, Loss.CROSS_ENTROPY, true),
                Arguments.of(Activation.SOFTMAX, 2, Loss.BINARY_CROSS_ENTROPY, true));
    }

    @ParameterizedTest
    @MethodSource("outputsAndLosses")
    void everyOutputAndLoss(Activation out, int units, Loss loss, boolean labels) {
        check(net(Activation.TANH, 0, false, out, units, loss), OptimizerSpec.of(Optimizer.SGD), labels);
    }

    @ParameterizedTest
    @MethodSource("hiddenActivations")
    void dropoutWithAFixedMask(Activation act) {
        check(net(act, 0.4, false, Activation.IDENTITY, 1, Loss.MSE), OptimizerSpec.of(Optimizer.SGD), false);
    }

    @ParameterizedTest
    @MethodSource("hiddenActivations")
    void batchNorm(Activation act) {
        check(net(act, 0, true, Activation.IDENTITY, 2, Loss.MSE), OptimizerSpec.of(Optimizer.SGD), false);
    }

    @org.junit.jupiter.api.Test
    void l1AndL2Penalties() {
        OptimizerSpec opt = new OptimizerSpec(Optimizer.SGD, 0.9, 0.9, 0.999, 0.03, 0.2, 0,
                dev.triage.config.GradientNormalization.NONE, 1);
        check(net(Activation.TANH, 0, false, Activation.SOFTMAX, 3, Loss.CROSS_ENTROPY), opt, true);
    }

    @org.junit.jupiter.api.Test
    void wholeThreeLayerNetWithEverything() {
        List<LayerSpec> layers = List.of(
                new LayerSpec(6, Activation.ELU, 0.2, true, Init.HE_NORMAL, 1, 0.1, 1),
                new LayerSpec(5, Activation.GELU, 0.1, false, Init.XAVIER_UNIFORM, 1, 0, 1),
                new LayerSpec(4, Activation.SIGMOID, 0, true, Init.LECUN_NORMAL, 1, 0, 1),
                new LayerSpec(3, Activation.SOFTMAX, 0, false, Init.XAVIER_NORMAL, 1, 0, 1));
        OptimizerSpec opt = new OptimizerSpec(Optimizer.ADAM, 0.9, 0.9, 0.999, 0.01, 0.05, 0,
                dev.triage.config.GradientNormalization.NONE, 1);
        check(new NetworkSpec(INPUTS, layers, Loss.CROSS_ENTROPY, 0.01, 11), opt, true);
    }

    private static NetworkSpec net(Activation hidden, double dropout, boolean bn, Activation out, int units, Loss loss) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec(4, hidden, dropout, bn, Init.XAVIER_NORMAL, 1, 0.05, 1));
        layers.add(new LayerSpec(4, hidden, dropout, bn, Init.XAVIER_NORMAL, 1, -0.05, 1));
        layers.add(new LayerSpec(units, out, 0, false, Init.XAVIER_NORMAL, 1, 0, 1));
        return new NetworkSpec(INPUTS, layers, loss, 0.1, 3);
    }

    private static void check(NetworkSpec spec, OptimizerSpec opt, boolean labels) {
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[ROWS * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        int outputs = spec.outputs();
        int classes = outputs == 1 ? 2 : outputs;
        int[] label = new int[ROWS];
        double[] y = new double[ROWS * outputs];
        for (int r = 0; r < ROWS; r++) {
            label[r] = rng.nextInt(classes);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextGaussian();
        }
        try (Engine e = Engines.create(spec, opt, DType.FLOAT64, ROWS)) {
            EngineData data = labels ? e.upload(x, ROWS, INPUTS, null, outputs, label) : e.upload(x, ROWS, INPUTS, y, outputs, null);
            int[] rows = {0, 1, 2, 3, 4};
            double[] p = e.parameters();
            double[] analytic = new double[p.length];
            e.lossAndGradient(data, rows, 17, analytic);
            double[] g = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                double h = 1e-6;
                double keep = p[i];
                p[i] = keep + h;
                e.setParameters(p);
                double up = e.lossAndGradient(data, rows, 17, g);
                p[i] = keep - h;
                e.setParameters(p);
                double down = e.lossAndGradient(data, rows, 17, g);
                p[i] = keep;
                e.setParameters(p);
                double numeric = (up - down) / (2 * h);
                assertThat(analytic[i]).as("parameter %d of %s", i, spec).isCloseTo(numeric,
                        org.assertj.core.data.Offset.offset(1e-6 + 1e-5 * Math.abs(numeric)));
            }
        }
    }
}
