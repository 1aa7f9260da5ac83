package dev.triage.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Activation;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.data.Encoded;
import dev.triage.nn.LayerSpec;
import dev.triage.nn.NetworkSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch-independence check must be able to fail: batch norm in training mode really does mix the
 * examples of a batch, so measured on it the check finds the leak, and on a plain network it finds none.
 */
class SanityChecksTest {
    private static final Encoded SIX_ROWS = new Encoded(new double[] {0.5, -1, 2, 1.5, 0, -0.5, -2, 1, 0.25, 1, 1, -1, 0, 2, 0.5,
        -1.5, -0.5, 1}, 6, 3, new double[] {1, -1, 0.5, 2, 0, -0.5}, null, 0);

    private static NetworkSpec network(boolean batchNorm) {
        return new NetworkSpec(3, List.of(new LayerSpec(5, Activation.TANH, 0, batchNorm, Init.XAVIER_NORMAL, 1, 0, 1),
                new LayerSpec(1, Activation.IDENTITY, 0, false, Init.XAVIER_NORMAL, 1, 0, 1)), Loss.MSE, 0.01, 7);
    }

    @Test
    void aPlainNetworkKeepsEachExamplesGradientToItself() {
        SanityResult r = SanityChecks.batchIndependence(network(false), SIX_ROWS, 3);
        assertThat(r.verdict()).isEqualTo(SanityResult.Verdict.PASSED);
        assertThat(r.numbers().get("leaked_gradient")).isZero();
        assertThat(r.numbers().get("own_gradient_change")).as("the changed example's own gradient moves").isPositive();
    }

    @Test
    void batchNormMixesTheExamplesAndTheMeasurementSeesIt() {
        SanityResult r = SanityChecks.measureBatchIndependence(network(true), SIX_ROWS, 3);
        assertThat(r.verdict()).isEqualTo(SanityResult.Verdict.FAILED);
        assertThat(r.numbers().get("leaked_gradient")).isPositive();
        assertThat(r.detail()).startsWith("changing one example's target changed the gradient of other examples by up to ")
                .endsWith(": examples are mixed across the batch (a broadcasting or reshaping bug)");
    }

    @Test
    void withBatchNormTheCheckSaysItCannotJudge() {
        SanityResult r = SanityChecks.batchIndependence(network(true), SIX_ROWS, 3);
        assertThat(r.verdict()).isEqualTo(SanityResult.Verdict.INCONCLUSIVE);
        assertThat(r.detail()).isEqualTo("batch norm couples the examples of a batch by design; skipped");
    }
}
