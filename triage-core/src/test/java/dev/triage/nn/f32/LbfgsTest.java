package dev.triage.nn.f32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** L-BFGS on quadratics: steps checked by hand, convergence, and a restored state that goes on identically. */
class LbfgsTest {
    /** f(x) = 1/2 sum c_i (x_i - m_i)^2. */
    private static LbfgsF32.Objective quadratic(double[] c, double[] m) {
        return (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                g[i] = c[i] * (x[i] - m[i]);
                f += 0.5 * c[i] * (x[i] - m[i]) * (x[i] - m[i]);
            }
            return f;
        };
    }

    @Test
    void theFirstTwoStepsOnAnEllipseAsComputedByHand() {
        LbfgsF32.Objective f = quadratic(new double[] {1, 4}, new double[] {0, 0});
        LbfgsF32 opt = new LbfgsF32(2);
        double[] x = {1, 1};
        // g = (1, 4), |g|_1 = 5: the first step is -g / 5 and passes the Armijo test at once
        assertThat(opt.step(x, f, 1.0)).isCloseTo(0.4, within(1e-15));
        assertThat(x).containsExactly(new double[] {0.8, 0.2}, within(1e-15));
        // s = (-0.2, -0.8), y = (-0.2, -3.2), s'y = 2.6; two-loop recursion with gamma = 2.6 / 10.28:
        // d = (-0.25692906, -0.23394193), the full step t = 1 is accepted
        double loss = opt.step(x, f, 1.0);
        assertThat(x).containsExactly(new double[] {0.54307094, -0.03394193}, within(1e-8));
        assertThat(loss).isCloseTo(0.14976713, within(1e-8));
        assertThat(opt.gradient()).containsExactly(new double[] {0.54307094, -4 * 0.03394193}, within(1e-7));
    }

    @Test
    void itConvergesOnAnIllConditionedQuadratic() {
        double[] c = {1, 3, 10, 30, 100};
        double[] m = {1, -2, 0.5, 3, -1};
        LbfgsF32 opt = new LbfgsF32(5);
        double[] x = new double[5];
        double loss = Double.NaN;
        for (int k = 0; k < 40; k++) {
            loss = opt.step(x, quadratic(c, m), 1.0);
        }
        assertThat(loss).isLessThan(1e-16);
        assertThat(x).containsExactly(m, within(1e-8));
    }

    @Test
    void aRestoredStateTakesExactlyTheSameNextSteps() {
        double[] c = {1, 3, 10, 30, 100};
        double[] m = {1, -2, 0.5, 3, -1};
        LbfgsF32 a = new LbfgsF32(5);
        double[] x = new double[5];
        for (int k = 0; k < 4; k++) {
            a.step(x, quadratic(c, m), 1.0);
        }
        LbfgsF32 b = new LbfgsF32(5);
        b.restore(a.state());
        double[] xb = x.clone();
        for (int k = 0; k < 3; k++) {
            assertThat(b.step(xb, quadratic(c, m), 1.0)).isEqualTo(a.step(x, quadratic(c, m), 1.0));
        }
        assertThat(xb).containsExactly(x);
        assertThat(b.state()).containsExactly(a.state());
    }

    @Test
    void aStepThatFindsNoDecreaseLeavesThePointWhereItWas() {
        LbfgsF32 opt = new LbfgsF32(1);
        double[] x = {0};
        LbfgsF32.Objective flatAtMinimum = quadratic(new double[] {1}, new double[] {0});
        assertThat(opt.step(x, flatAtMinimum, 1.0)).isZero();
        assertThat(x).containsExactly(0);
    }
}
