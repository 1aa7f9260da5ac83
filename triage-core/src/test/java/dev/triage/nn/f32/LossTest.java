package dev.triage.nn.f32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.config.Activation;
import dev.triage.config.Loss;
import org.junit.jupiter.api.Test;

/** Losses on tiny hand-computed cases: value and gradient with respect to the pre-activation. */
class LossTest {
    private static double mean(Loss loss, Activation act, float[] z, float[] y, int[] labels, int outputs, float[] delta) {
        return weighted(loss, act, z, y, labels, outputs, delta, null);
    }

    private static double weighted(Loss loss, Activation act, float[] z, float[] y, int[] labels, int outputs, float[] delta,
                                   double[] weights) {
        int rows = z.length / outputs;
        float[] p = new float[z.length];
        ActivationsF32.forward(act, 0, z, p, 0, z.length, outputs);
        double norm = LossF32.normalizer(loss, rows, outputs);
        return LossF32.compute(loss, act, z, p, y, labels, outputs, 0, rows, norm, delta, weights) / norm;
    }

    @Test
    void classWeightsScaleEachRowsLossAndGradient() {
        float[] z = {0, (float) Math.log(3), 0, 0};
        float[] d = new float[4];
        double plain = mean(Loss.CROSS_ENTROPY, Activation.SOFTMAX, z, new float[4], new int[] {1, 0}, 2, d);
        float[] plainDelta = d.clone();
        double heavy = weighted(Loss.CROSS_ENTROPY, Activation.SOFTMAX, z, new float[4], new int[] {1, 0}, 2, d,
                new double[] {3, 1});
        assertThat(heavy).as("row 2 (class 0) counts 3 times").isCloseTo((-Math.log(0.75) + 3 * Math.log(2)) / 2, within(1e-6));
        assertThat(plain).isCloseTo((-Math.log(0.75) + Math.log(2)) / 2, within(1e-6));
        assertThat(d[0]).isCloseTo(plainDelta[0], within(1e-7f));
        assertThat(d[2]).isCloseTo(3 * plainDelta[2], within(1e-7f));
        float[] b = new float[2];
        double bce = weighted(Loss.BINARY_CROSS_ENTROPY, Activation.SIGMOID, new float[] {0, 0}, new float[] {1, 0},
                new int[] {1, 0}, 1, b, new double[] {1, 4});
        assertThat(bce).isCloseTo(5 * Math.log(2) / 2, within(1e-6));
        assertThat(b[0]).as("the positive row, weight 4").isCloseTo(4 * -0.25f, within(1e-7f));
        assertThat(b[1]).isCloseTo(0.25f, within(1e-7f));
    }

    @Test
    void regressionLosses() {
        float[] z = {1, 2};
        float[] y = {0, 4};
        float[] d = new float[2];
        assertThat(mean(Loss.MSE, Activation.IDENTITY, z, y, null, 1, d)).isEqualTo(2.5);
        assertThat(d).containsExactly(1f, -2f);
        assertThat(mean(Loss.MAE, Activation.IDENTITY, z, y, null, 1, d)).isEqualTo(1.5);
        assertThat(d).containsExactly(0.5f, -0.5f);
        assertThat(mean(Loss.HUBER, Activation.IDENTITY, z, y, null, 1, d)).isEqualTo(1.0);
        assertThat(d).containsExactly(0.5f, -0.5f);
    }

    @Test
    void softmaxCrossEntropyIsComputedFromLogits() {
        float[] z = {0, (float) Math.log(3)};
        float[] d = new float[2];
        assertThat(mean(Loss.CROSS_ENTROPY, Activation.SOFTMAX, z, new float[2], new int[] {1}, 2, d))
                .isCloseTo(-Math.log(0.75), within(1e-7));
        assertThat(d[0]).isCloseTo(0.25f, within(1e-7f));
        assertThat(d[1]).isCloseTo(-0.25f, within(1e-7f));
        float[] huge = {1000, -1000};
        assertThat(mean(Loss.CROSS_ENTROPY, Activation.SOFTMAX, huge, new float[2], new int[] {1}, 2, d)).isEqualTo(2000.0);
    }

    @Test
    void binaryCrossEntropyFromLogitsIsStable() {
        float[] d = new float[1];
        assertThat(mean(Loss.BINARY_CROSS_ENTROPY, Activation.SIGMOID, new float[] {0}, new float[] {1}, null, 1, d))
                .isCloseTo(Math.log(2), within(1e-9));
        assertThat(d[0]).isEqualTo(-0.5f);
        assertThat(mean(Loss.BINARY_CROSS_ENTROPY, Activation.SIGMOID, new float[] {-500}, new float[] {1}, null, 1, d))
                .isCloseTo(500, within(1e-9));
    }

    @Test
    void softmaxOnOneUnitWithBinaryCrossEntropyCannotLearn() {
        float[] d = new float[2];
        double loss = mean(Loss.BINARY_CROSS_ENTROPY, Activation.SOFTMAX, new float[] {0.3f, -2f}, new float[] {0, 1}, null, 1, d);
        assertThat(loss).as("the single softmax output is always 1, so y = 0 costs -log(1e-7)").isCloseTo(-Math.log(1e-7) / 2, within(1e-6));
        assertThat(d).containsExactly(0f, 0f);
    }
}
