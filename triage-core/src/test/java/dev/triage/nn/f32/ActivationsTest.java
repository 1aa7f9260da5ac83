package dev.triage.nn.f32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.config.Activation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The fast activation paths against their definitions. */
class ActivationsTest {
    @Property
    void tanhMatchesTheLibraryToWithinRoundOff(@ForAll @DoubleRange(min = -40, max = 40) double x) {
        double expected = Math.tanh(x);
        assertThat(ActivationsF32.tanh(x)).isCloseTo(expected, within(1e-13 * Math.max(1e-300, Math.abs(expected)) + 1e-300));
    }

    @Test
    void tanhAtTheEdges() {
        for (double x : new double[] {0, -0.0, 1e-300, 9.99e-4, 1e-3, 1.0001e-3, -5e-4, 20, -20, 400, -400}) {
            assertThat(ActivationsF32.tanh(x)).as("tanh(%s)", x).isCloseTo(Math.tanh(x), within(1e-13 * Math.abs(Math.tanh(x))));
        }
        assertThat(ActivationsF32.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(ActivationsF32.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(ActivationsF32.tanh(Double.NaN)).isNaN();
    }

    @Test
    void reluPassesPositivesZeroesNegativesAndKeepsNaNVisible() {
        float[] pre = {2f, -3f, 0f, Float.NaN, 1e-30f};
        float[] out = new float[pre.length];
        ActivationsF32.forward(Activation.RELU, 0, pre, out, 0, pre.length, pre.length);
        assertThat(out).containsExactly(2f, 0f, 0f, Float.NaN, 1e-30f);
        float[] grad = {5f, 5f, 5f, 5f, 5f};
        ActivationsF32.backward(Activation.RELU, 0, pre, out, grad, 0, pre.length, pre.length);
        assertThat(grad[0]).isEqualTo(5f);
        assertThat(grad[1]).isZero();
        assertThat(grad[2]).as("zero output: no gradient").isZero();
        assertThat(grad[3]).isNaN();
        assertThat(grad[4]).as("any normal positive output passes the gradient").isEqualTo(5f);
    }
}
