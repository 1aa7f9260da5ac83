package dev.triage.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One profile per optimizer, with the numbers docs/findings.md gives (CONFIG_LEARNING_RATE, LOWER_LEARNING_RATE). */
class OptimizerProfileTest {
    @Test
    void theUsualRangesAndRatesOfTheDocs() {
        assertRange(Optimizer.SGD, 1e-4, 0.3, 1e-6, 1.0, 0.01);
        assertRange(Optimizer.MOMENTUM, 1e-4, 0.3, 1e-6, 1.0, 0.01);
        assertRange(Optimizer.ADAM, 1e-5, 0.01, 1e-6, 0.03, 0.001);
        assertRange(Optimizer.RMSPROP, 1e-5, 0.01, 1e-6, 0.03, 0.001);
        assertRange(Optimizer.ADAGRAD, 1e-3, 0.5, 1e-5, 2.0, 0.01);
        assertRange(Optimizer.LBFGS, 0.1, 2.0, 1e-3, 10, 1.0);
        assertThat(Optimizer.OTHER.profile().usualHigh()).isInfinite();
    }

    @Test
    void momentumScalesTheEffectiveRateOfMomentumSgdOnly() {
        assertThat(Optimizer.NESTEROV.profile().effectiveRate(0.01, 0.9)).isCloseTo(0.1, within());
        assertThat(Optimizer.MOMENTUM.profile().learningRateFor(0.1, 0.9)).isCloseTo(0.01, within());
        assertThat(Optimizer.SGD.profile().effectiveRate(0.01, 0.9)).isEqualTo(0.01);
        assertThat(Optimizer.ADAM.profile().effectiveRate(0.01, 0.9)).isEqualTo(0.01);
        assertThat(Optimizer.ADAM.profile().learningRateFor(0.01, 0.9)).isEqualTo(0.01);
    }

    @Test
    void stateAndAdaptivity() {
        assertThat(Optimizer.SGD.profile().stateCopies()).isZero();
        assertThat(Optimizer.MOMENTUM.profile().stateCopies()).isEqualTo(1);
        assertThat(Optimizer.RMSPROP.profile().stateCopies()).isEqualTo(1);
        assertThat(Optimizer.ADAMW.profile().stateCopies()).isEqualTo(2);
        assertThat(Optimizer.LBFGS.profile().stateCopies()).isEqualTo(20);
        assertThat(Optimizer.ADAM.profile().firstMoment() && Optimizer.ADAM.profile().secondMoment()).isTrue();
        assertThat(Optimizer.ADAGRAD.profile().firstMoment()).isFalse();
        assertThat(Optimizer.ADAMW.profile().adamFamily()).isTrue();
        assertThat(Optimizer.RMSPROP.profile().adamFamily()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void adaptiveOptimizersAreThoseWithASecondMoment(Optimizer o) {
        assertThat(o.isAdaptive()).isEqualTo(o.profile().secondMoment()).isEqualTo(o.profile().adaptive());
        assertThat(o.profile().optimizer()).isEqualTo(o);
    }

    private static void assertRange(Optimizer o, double low, double high, double errorLow, double errorHigh, double rate) {
        OptimizerProfile p = o.profile();
        assertThat(new double[] {p.usualLow(), p.usualHigh(), p.errorLow(), p.errorHigh(), p.conventionalRate()})
                .as(o.name()).containsExactly(low, high, errorLow, errorHigh, rate);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}
