package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.epoch;
import static dev.triage.diagnose.Logs.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Activation;
import dev.triage.config.Init;
import dev.triage.config.Optimizer;
import dev.triage.diagnose.dynamics.PlateauRule;
import dev.triage.diagnose.dynamics.SaturatedActivationsRule;
import dev.triage.diagnose.dynamics.UpdateRatioRule;
import dev.triage.probe.log.RunLog;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Plateau, saturated activations and the update ratio: quiet cases, bounds, evidence, the "too high" branch. */
class DynamicsRulesBoundaryTest {
    /** Trivial baseline RMSE 1, best (linear) 0.5; training loss 1 but for the last epoch; a validation RMSE. */
    private static RunLog flat(int epochs, double lastLoss, double metric) {
        RunLog log = Logs.log(new Logs.Setup());
        log.setBaselines(Logs.baselines(1.0, 0.25, 0.4));
        for (int e = 1; e <= epochs; e++) {
            log.addEpoch(epoch(e, e == epochs ? lastLoss : 1.0, 1.0, metric, 0.5, 1.0));
        }
        return log;
    }

    @Test
    void aPlateauNeedsTenEpochsUnderOnePercentAndFarFromTheBaseline() {
        PlateauRule rule = new PlateauRule();
        assertThat(rule.check(flat(9, 1.0, 0.9))).as("nine epochs").isEmpty();
        assertThat(rule.check(flat(10, 0.99, 0.9))).as("1% improvement").isEmpty();
        assertThat(rule.check(flat(10, 0.9901, 0.625))).as("three quarters of the way to the baseline").isEmpty();
        assertThat(rule.check(flat(10, 0.9901, 0.626))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.epoch()).isEqualTo(10);
            assertThat(f.step()).isEqualTo(100L);
            assertThat(f.where()).isNull();
            assertThat(f.message()).isEqualTo("the training loss improved by only 1.0% over the last 10 epochs while the validation"
                    + " RMSE 0.626 is far from the linear baseline's 0.5: training has stalled");
            assertThat(f.evidence().get("improvement")).isCloseTo(0.0099, Offset.offset(1e-12));
            assertThat(f.evidence().get("progress_to_baseline")).isCloseTo(0.748, Offset.offset(1e-12));
            assertThat(f.evidence().asMap()).containsKeys("improvement", "validation_metric", "best_baseline",
                    "progress_to_baseline", "min_improvement").containsEntry("validation_metric", 0.626)
                    .containsEntry("best_baseline", 0.5).containsEntry("min_improvement", 0.01);
            assertThat(f.remedies()).containsExactly(Remedy.RAISE_LEARNING_RATE, Remedy.USE_ADAM, Remedy.ADD_LR_SCHEDULE);
        });
    }

    @Test
    void aPlateauIsReportedAtTheFirstEpochItHeldHoweverLateTheRuleRuns() {
        PlateauRule rule = new PlateauRule();
        RunLog stuck = flat(15, 1.0, 0.9);
        assertThat(rule.check(stuck)).singleElement().satisfies(f -> assertThat(f.epoch()).isEqualTo(10));
        assertThat(rule.check(stuck)).usingRecursiveComparison().isEqualTo(rule.check(flat(10, 1.0, 0.9)));
        RunLog noBaseline = flat(15, 1.0, 0.9);
        noBaseline.setBaselines(Logs.baselines(1.0, 1.0, 1.0));
        assertThat(rule.check(noBaseline)).as("the baseline does no better than trivial").isEmpty();
        RunLog rose = flat(10, 1.0, 0.9);
        RunLog fromLow = Logs.log(new Logs.Setup());
        fromLow.setBaselines(rose.baselines());
        fromLow.addEpoch(epoch(1, 0.4, 1.0, 0.9, 0.5, 1.0));
        rose.epochs().subList(1, 10).forEach(fromLow::addEpoch);
        assertThat(rule.check(fromLow)).as("a loss at 2.5x its lowest has diverged, not stalled").isEmpty();
    }

    private static RunLog saturated(double[]... perEpoch) {
        Logs.Setup s = new Logs.Setup();
        s.layers = Logs.withOutput(Logs.layers(Activation.TANH, Init.XAVIER_UNIFORM, 1, 0, 16, 8), Activation.SIGMOID);
        RunLog log = Logs.log(s);
        for (int e = 0; e < perEpoch.length; e++) {
            log.addProbe(Logs.probe(e + 1, fill(3, 0.1), fill(3, 1), fill(3, 1e-3), fill(3, 0), perEpoch[e]));
        }
        return log;
    }

    @Test
    void saturationOfHalfTheUnitsForTwoEpochsInARow() {
        SaturatedActivationsRule rule = new SaturatedActivationsRule();
        assertThat(rule.check(saturated(new double[] {0.49, 0, 1}, new double[] {0.49, 0, 1})))
                .as("below half, and the sigmoid output layer is not judged").isEmpty();
        assertThat(rule.check(saturated(new double[] {0.6, 0, 0}, new double[] {0.4, 0, 0}, new double[] {0.6, 0, 0})))
                .as("not in a row").isEmpty();
        assertThat(rule.check(saturated(new double[] {0.9, 0, 0}))).as("one epoch").isEmpty();
        assertThat(rule.check(saturated(new double[] {0.1, 0, 0}, new double[] {0.5, 0, 0}, new double[] {0.5, 0, 0})))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.epoch()).isEqualTo(2);
                    assertThat(f.step()).isEqualTo(20L);
                    assertThat(f.where()).isEqualTo("layer 1 (dense 16, tanh)");
                    assertThat(f.message()).isEqualTo("50% of the activations of layer 1 (dense 16, tanh) sit at the limits of tanh,"
                            + " where the gradient is almost zero");
                    assertThat(f.evidence().asMap()).containsExactly(Map.entry("saturated_fraction", 0.5),
                            Map.entry("threshold", 0.5));
                    assertThat(f.remedies()).containsExactly(Remedy.SCALE_FEATURES, Remedy.USE_XAVIER_INIT, Remedy.ADD_BATCH_NORM,
                            Remedy.LOWER_LEARNING_RATE);
                });
        assertThat(rule.check(saturated(new double[] {0, 0.6, 0}, new double[] {0, 0.8, 0}))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.where()).isEqualTo("layer 2 (dense 8, tanh)");
            assertThat(f.evidence().get("saturated_fraction")).isEqualTo(0.8);
        });
        assertThat(rule.check(saturated(new double[] {0, 0.6, 0}, new double[] {0, 0.79, 0}))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    private static RunLog moving(Optimizer o, int epochs, double[] update) {
        Logs.Setup s = new Logs.Setup();
        s.optimizer = o;
        s.epochs = 3;
        RunLog log = Logs.log(s);
        for (int e = 1; e <= epochs; e++) {
            log.addEpoch(epoch(e, 0.5, 0.5, 0.6, 0.5, 1.0));
            log.addProbe(Logs.probe(e, fill(3, 0.1), fill(3, 1), update, fill(3, 0), fill(3, 0)));
        }
        return log;
    }

    @Test
    void updatesAboveThreePercentOfTheWeightsAreTooHigh() {
        UpdateRatioRule rule = new UpdateRatioRule();
        assertThat(rule.check(moving(Optimizer.ADAM, 3, fill(3, 0.03)))).as("on the bound").isEmpty();
        assertThat(rule.check(moving(Optimizer.ADAM, 3, new double[] {0.05, 0.04, 0.2}))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.epoch()).isEqualTo(3);
            assertThat(f.step()).isEqualTo(10L);
            assertThat(f.where()).isEqualTo("layer 3 (dense 1, identity)");
            assertThat(f.message()).isEqualTo("the weights change by 0.05 of their size per step (median over layers; layer 3"
                    + " (dense 1, identity): 0.2; healthy: about 1e-3): the learning rate looks too high");
            assertThat(f.evidence().asMap()).containsExactly(Map.entry("update_ratio", 0.05), Map.entry("worst_layer_ratio", 0.2),
                    Map.entry("low", 1e-4), Map.entry("high", 3e-2), Map.entry("target", 1e-3));
            assertThat(f.remedies()).containsExactly(Remedy.LOWER_LEARNING_RATE, Remedy.CLIP_GRADIENTS);
        });
        assertThat(rule.check(moving(Optimizer.ADAM, 3, fill(3, 0.1)))).as("0.1 is still a warning").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(rule.check(moving(Optimizer.ADAM, 3, fill(3, 0.11)))).singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.ERROR);
    }

    @Test
    void updateRatiosAreNotJudgedTooEarlyForLbfgsOrForLayersThatDoNotMove() {
        UpdateRatioRule rule = new UpdateRatioRule();
        assertThat(rule.check(moving(Optimizer.ADAM, 2, fill(3, 0.5)))).as("two of three epochs").isEmpty();
        assertThat(rule.check(moving(Optimizer.LBFGS, 3, fill(3, 0.5)))).isEmpty();
        assertThat(rule.check(moving(Optimizer.ADAM, 3, new double[] {0, 0.04, 0.06}))).as("the still layer is left out")
                .singleElement().satisfies(f -> {
                    assertThat(f.evidence().get("update_ratio")).isCloseTo(0.05, Offset.offset(1e-15));
                    assertThat(f.where()).isEqualTo("layer 3 (dense 1, identity)");
                });
        assertThat(rule.check(moving(Optimizer.ADAM, 3, fill(3, 0)))).as("nothing moves").isEmpty();
        RunLog later = moving(Optimizer.ADAM, 3, fill(3, 1e-3));
        later.addProbe(Logs.probe(4, fill(3, 0.1), fill(3, 1), fill(3, 0.9), fill(3, 0), fill(3, 0)));
        assertThat(rule.check(later)).as("only the first three epochs count").isEmpty();
    }
}
