package dev.triage.nn.f32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.config.Activation;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.nn.LayerSpec;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.OptimizerSpec;
import dev.triage.nn.ParameterLayout;
import dev.triage.nn.StepStats;
import dev.triage.nn.WorkerPool;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Several steps of the adaptive rules against values by hand, and Adam split over threads. */
class OptimizerRunTest {
    private static ParameterLayout layout(int inputs, int units) {
        return new ParameterLayout(new NetworkSpec(inputs, List.of(new LayerSpec(units, Activation.IDENTITY, 0, false, Init.ZEROS,
                1, 0, 1)), Loss.MSE, 0.01, 1));
    }

    /** Three steps at rate 0.1 of w = 1 and b = -2 with the constant gradient (0.5, 0.25). */
    private static float[] threeSteps(Optimizer k) {
        OptimizerF32 opt = new OptimizerF32(OptimizerSpec.of(k), layout(1, 1), 2);
        float[] p = {1.0f, -2.0f};
        for (int i = 0; i < 3; i++) {
            opt.update(p, new float[] {0.5f, 0.25f}, 0.1, new StepStats(1));
        }
        return p;
    }

    @Test
    void adagradDividesByTheRootOfTheSquaresSoFar() {
        // squares so far 0.25, 0.5, 0.75 (times 1/4 for the bias): each step is -0.1 x g / sqrt(sum), the same for both
        double moved = 0.1 * 0.5 * (1 / Math.sqrt(0.25) + 1 / Math.sqrt(0.5) + 1 / Math.sqrt(0.75));
        float[] p = threeSteps(Optimizer.ADAGRAD);
        assertThat(p[0]).isCloseTo((float) (1 - moved), within(1e-6f));
        assertThat(p[1]).isCloseTo((float) (-2 - moved), within(1e-6f));
        assertThat(moved).isCloseTo(0.2284457, within(1e-7));
    }

    @Test
    void rmspropDividesByTheRootOfTheDecayingMeanSquare() {
        // v = 0.1 g^2 x (1, 1.9, 2.71) after steps 1, 2, 3 (rho 0.9)
        double[] v = {0.025, 0.0475, 0.06775};
        double w = 1;
        for (double vi : v) {
            w -= 0.1 * 0.5 / (Math.sqrt(vi) + 1e-8);
        }
        float[] p = threeSteps(Optimizer.RMSPROP);
        assertThat(p[0]).isCloseTo((float) w, within(2e-6f));
        assertThat(w).isCloseTo(1 - 0.316228 - 0.229416 - 0.192095, within(1e-6));
        assertThat(p[1]).as("the bias: the same steps, its gradient is half").isCloseTo((float) (-2 - (1 - w)), within(2e-6f));
    }

    @Test
    void adamSplitOverThreadsUpdatesEveryParameterExactlyAsOneThread() {
        ParameterLayout big = layout(300, 256); // a weight segment of 76,800 values: above PARALLEL_MIN, split
        assertThat(big.end(0) - big.offset(0)).isGreaterThanOrEqualTo(OptimizerF32.PARALLEL_MIN);
        Run one = run(big, 1);
        for (int threads : new int[] {2, 3}) {
            Run split = run(big, threads);
            assertThat(split.p()).as(threads + " threads").containsExactly(one.p());
            assertThat(split.updateNorm()).as("the update norm, summed per thread").isCloseTo(one.updateNorm(),
                    within(1e-5 * one.updateNorm()));
            assertThat(split.weightNorm()).isCloseTo(one.weightNorm(), within(1e-5 * one.weightNorm()));
        }
    }

    private record Run(float[] p, double updateNorm, double weightNorm) {
    }

    private static Run run(ParameterLayout layout, int threads) {
        int n = layout.size();
        SplittableRandom rng = new SplittableRandom(11);
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) rng.nextGaussian();
        }
        try (WorkerPool pool = new WorkerPool(threads)) {
            OptimizerF32 opt = new OptimizerF32(OptimizerSpec.of(Optimizer.ADAM), layout, n, pool);
            StepStats stats = new StepStats(1);
            for (int step = 0; step < 3; step++) {
                float[] g = new float[n];
                for (int i = 0; i < n; i++) {
                    g[i] = (float) rng.nextGaussian();
                }
                opt.update(p, g, 0.01, stats);
            }
            return new Run(p, stats.updateNorm[0], stats.weightNorm[0]);
        }
    }
}
