package dev.triage.nn.f32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.config.Activation;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.nn.LayerSpec;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.OptimizerSpec;
import dev.triage.nn.ParameterLayout;
import dev.triage.nn.StepStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each update rule against steps computed by hand: one weight w = 1 and one bias b = -2. The build runs
 * these tests on the float64 engine too (nn/f64, generated): literals and offsets become doubles.
 */
class OptimizerStepTest {
    private static final ParameterLayout LAYOUT = new ParameterLayout(new NetworkSpec(1,
            List.of(new LayerSpec(1, Activation.IDENTITY, 0, false, Init.ZEROS, 1, 0, 1)), Loss.MSE, 0.01, 1));

    private static float[] steps(OptimizerSpec spec, int n) {
        OptimizerF32 opt = new OptimizerF32(spec, LAYOUT, 2);
        float[] p = {1.0f, -2.0f};
        StepStats stats = new StepStats(1);
        for (int i = 0; i < n; i++) {
            float[] g = {0.5f, 0.25f};
            opt.penalize(p, g);
            opt.measureAndNormalize(g, stats);
            opt.update(p, g, 0.1, stats);
        }
        return p;
    }

    private static OptimizerSpec spec(Optimizer k) {
        return OptimizerSpec.of(k);
    }

    @Test
    void plainAndMomentumRules() {
        assertThat(steps(spec(Optimizer.SGD), 1)).containsExactly(0.95f, -2.025f);
        assertThat(steps(spec(Optimizer.MOMENTUM), 1)[0]).isCloseTo(0.95f, within(1e-7f));
        assertThat(steps(spec(Optimizer.MOMENTUM), 2)[0]).isCloseTo(0.95f - 0.095f, within(1e-6f));
        assertThat(steps(spec(Optimizer.NESTEROV), 1)[0]).isCloseTo(1 - 0.1f * (0.5f + 0.45f), within(1e-6f));
    }

    @Test
    void adaptiveRules() {
        assertThat(steps(spec(Optimizer.RMSPROP), 1)[0]).isCloseTo((float) (1 - 0.05 / Math.sqrt(0.025)), within(1e-6f));
        assertThat(steps(spec(Optimizer.ADAGRAD), 1)[0]).isCloseTo(0.9f, within(1e-6f));
        float[] adam = steps(spec(Optimizer.ADAM), 1);
        assertThat(adam[0]).isCloseTo(0.9f, within(1e-6f));
        assertThat(adam[1]).isCloseTo(-2.1f, within(1e-6f));
        float[] adam2 = steps(spec(Optimizer.ADAM), 2);
        assertThat(adam2[0]).as("constant gradients: Adam moves lr per step").isCloseTo(0.8f, within(1e-5f));
    }

    @Test
    void decoupledWeightDecayTouchesWeightsOnly() {
        OptimizerSpec adamw = new OptimizerSpec(Optimizer.ADAMW, 0.9, 0.9, 0.999, 0, 0, 0.01, GradientNormalization.NONE, 1);
        float[] p = steps(adamw, 1);
        assertThat(p[0]).isCloseTo(1 - 0.1f - 0.1f * 0.01f, within(1e-6f));
        assertThat(p[1]).isCloseTo(-2.1f, within(1e-6f));
    }

    @Test
    void penaltiesAddToWeightGradientsOnly() {
        OptimizerSpec l2 = new OptimizerSpec(Optimizer.SGD, 0.9, 0.9, 0.999, 0.1, 0.5, 0, GradientNormalization.NONE, 1);
        OptimizerF32 opt = new OptimizerF32(l2, LAYOUT, 2);
        float[] p = {1.0f, -2.0f};
        float[] g = {0.5f, 0.25f};
        double penalty = opt.penalize(p, g);
        assertThat(g).containsExactly(0.5f + 0.5f + 0.1f, 0.25f);
        assertThat(penalty).isCloseTo(0.5 * 0.5 * 1 + 0.1, within(1e-7));
    }

    @Test
    void gradientNormalizationModes() {
        assertThat(normalized(GradientNormalization.CLIP_GLOBAL_NORM, 1)).containsExactly(new float[] {0.6f, 0.8f}, within(1e-7f));
        assertThat(normalized(GradientNormalization.CLIP_ELEMENT_WISE_ABSOLUTE_VALUE, 1)).containsExactly(1f, 1f);
        assertThat(normalized(GradientNormalization.CLIP_L2_PER_PARAM_TYPE, 2)).containsExactly(2f, 2f);
        assertThat(normalized(GradientNormalization.RENORMALIZE_L2_PER_PARAM_TYPE, 2)).containsExactly(1f, 1f);
        assertThat(normalized(GradientNormalization.CLIP_L2_PER_LAYER, 2.5f)).containsExactly(new float[] {1.5f, 2f}, within(1e-7f));
        assertThat(normalized(GradientNormalization.RENORMALIZE_L2_PER_LAYER, 9)).containsExactly(new float[] {0.6f, 0.8f}, within(1e-7f));
        assertThat(normalized(GradientNormalization.NONE, 1)).containsExactly(3f, 4f);
    }

    private static float[] normalized(GradientNormalization mode, float threshold) {
        OptimizerSpec s = new OptimizerSpec(Optimizer.SGD, 0.9, 0.9, 0.999, 0, 0, 0, mode, threshold);
        OptimizerF32 opt = new OptimizerF32(s, LAYOUT, 2);
        float[] g = {3f, 4f};
        opt.measureAndNormalize(g, new StepStats(1));
        return g;
    }

    @Test
    void stateRoundTripsForCheckpoints() {
        OptimizerF32 a = new OptimizerF32(spec(Optimizer.ADAM), LAYOUT, 2);
        float[] p = {1.0f, -2.0f};
        a.update(p, new float[] {0.5f, 0.25f}, 0.1, new StepStats(1));
        OptimizerF32 b = new OptimizerF32(spec(Optimizer.ADAM), LAYOUT, 2);
        b.restore(a.state(null));
        float[] pa = p.clone();
        float[] pb = p.clone();
        a.update(pa, new float[] {0.3f, 0.1f}, 0.1, new StepStats(1));
        b.update(pb, new float[] {0.3f, 0.1f}, 0.1, new StepStats(1));
        assertThat(pb).containsExactly(pa);
    }
}
