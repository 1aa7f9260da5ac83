package dev.triage.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.DType;
import org.junit.jupiter.api.Test;

/** The kernel warm-up ends by itself, ends early when asked, and works for both precisions. */
class KernelWarmupTest {
    @Test
    void endsByItselfWithinItsBudget() throws Exception {
        for (DType d : DType.values()) {
            KernelWarmup w = KernelWarmup.start(d);
            assertThat(w.finished(KernelWarmup.BUDGET_NANOS / 1_000_000 + 5_000)).as("%s warm-up ended", d).isTrue();
        }
    }

    @Test
    void stopsWhenAsked() throws Exception {
        KernelWarmup w = KernelWarmup.start(DType.FLOAT32);
        w.stop();
        assertThat(w.finished(2_000)).isTrue();
    }

    @Test
    void itsNetworksPassThroughEveryColumnBlockOfTheKernels() {
        NetworkSpec net = KernelWarmup.network(dev.triage.config.Activation.IDENTITY, 1, dev.triage.config.Loss.MSE);
        // with 16 floats per vector: 85 = 3 + 2 vectors + 5, 67 = 3 + 1 vectors + 3, 1 = a tail only
        assertThat(net.layers()).extracting(LayerSpec::units).containsExactly(85, 67, 1);
    }
}
