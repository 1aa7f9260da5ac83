package dev.triage.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.config.Task;
import dev.triage.data.TargetEncoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    @Test
    void regressionMetricsAreInTargetUnits() {
        TargetEncoding t = new TargetEncoding(Task.REGRESSION, 10, 2, List.of());
        TaskMetrics.Regression m = Evaluation.regression(new double[] {0, 1}, new double[] {0.5, 0.5}, t);
        assertThat(m.rmse()).isEqualTo(1.0);
        assertThat(m.mae()).isEqualTo(1.0);
        assertThat(m.r2()).isNaN();
        TaskMetrics.Regression m2 = Evaluation.regression(new double[] {-1, 1}, new double[] {-1, 2}, t);
        assertThat(m2.rmse()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(m2.r2()).isCloseTo(1 - 4.0 / 18, within(1e-12));
    }

    @Test
    void classificationMetricsFromProbabilities() {
        double[] softmax = {0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4, 0.6, 0.3, 0.1};
        TaskMetrics.Classification m = Evaluation.classification(softmax, 3, new int[] {0, 1, 2, 1}, 3);
        assertThat(m.accuracy()).isEqualTo(0.75);
        assertThat(m.logLoss()).isCloseTo(-(Math.log(0.7) + Math.log(0.8) + Math.log(0.4) + Math.log(0.3)) / 4, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((2.0 / 3 + 2.0 / 3 + 1.0) / 3, within(1e-12));
        TaskMetrics.Classification binary = Evaluation.classification(new double[] {0.9, 0.2}, 1, new int[] {1, 1}, 2);
        assertThat(binary.accuracy()).isEqualTo(0.5);
        assertThat(binary.logLoss()).isCloseTo(-(Math.log(0.9) + Math.log(0.2)) / 2, within(1e-12));
    }
}
