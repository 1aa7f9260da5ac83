package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.epoch;
import static dev.triage.diagnose.Logs.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Activation;
import dev.triage.config.Init;
import dev.triage.config.Optimizer;
import dev.triage.diagnose.dynamics.DeadReluRule;
import dev.triage.diagnose.dynamics.ExplodingGradientsRule;
import dev.triage.diagnose.dynamics.PlateauRule;
import dev.triage.diagnose.dynamics.PredictsConstantRule;
import dev.triage.diagnose.dynamics.StillImprovingRule;
import dev.triage.diagnose.dynamics.UpdateRatioRule;
import dev.triage.diagnose.dynamics.VanishingGradientsRule;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import org.junit.jupiter.api.Test;

/** Training rules on the cases of issue 10: slow starts, small gradients that grow, dead outputs, Adam, runs cut short. */
class DynamicsJudgmentTest {
    private static EvaluationSignals ended(int epochs, String reason, double metric, double score) {
        return new EvaluationSignals(epochs, reason, 0.5, 0.5, metric, score, Double.NaN, epochs, 0.5, false);
    }

    private static ProbePoint grad(int epoch, double... norms) {
        return Logs.probe(epoch, norms, fill(3, 1), fill(3, 1e-3), fill(3, 0), fill(3, 0));
    }

    @Test
    void tinyGradientsThatGrowAreNotExploding() {
        RunLog log = Logs.log(new Logs.Setup());
        log.addProbe(grad(1, 1e-6, 1e-6, 3e-6));
        log.addProbe(grad(1, 1e-3, 1e-3, 0.012));
        assertThat(new ExplodingGradientsRule().check(log)).as("RMS 0.004: grown 4000x, still tiny").isEmpty();
        log.addProbe(grad(2, 1e-3, 1e-3, 4.0));
        assertThat(new ExplodingGradientsRule().check(log)).as("grown beyond 1000x to an RMS of 1.26").singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.where()).isEqualTo("layer 3 (dense 1, identity)");
                    assertThat(f.evidence().get("gradient_rms")).isCloseTo(4 / Math.sqrt(8), org.assertj.core.data.Offset.offset(1e-9));
                });
    }

    @Test
    void largeFromTheStartIsAWarningAndARecoveredBurstToo() {
        RunLog raw = Logs.log(new Logs.Setup());
        raw.addProbe(grad(1, 10, 10, 500));
        raw.addProbe(grad(2, 12, 11, 700));
        assertThat(new ExplodingGradientsRule().check(raw)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.remedies()).first().isEqualTo(Remedy.SCALE_TARGET);
        });
        RunLog burst = Logs.log(new Logs.Setup());
        burst.addProbe(grad(1, 0.1, 0.1, 0.5));
        burst.addProbe(grad(2, 1e5, 1e4, 1e3));
        assertThat(new ExplodingGradientsRule().check(burst)).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        burst.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        for (int e = 1; e <= 4; e++) {
            burst.addEpoch(epoch(e, e == 2 ? 50 : 0.5, 0.5, 0.7, 0.5, 1.0));
        }
        burst.setEvaluation(ended(4, "COMPLETED", 0.7, 0.49));
        assertThat(new ExplodingGradientsRule().check(burst)).as("the run ended level with the baselines").singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("the run recovered");
                });
    }

    @Test
    void aSlowStartIsNotAConstantPredictor() {
        RunLog log = Logs.log(new Logs.Setup());
        log.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        for (int e = 1; e <= 10; e++) {
            boolean flat = e <= 4;
            log.addEpoch(epoch(e, 1.0, flat ? 1.0 : 0.3, flat ? 1.0 : 0.5, flat ? 0.01 : 0.9, 1.0));
        }
        log.setEvaluation(ended(10, "COMPLETED", 0.5, 0.25));
        assertThat(new PredictsConstantRule().check(log)).as("flat for 4 epochs, then R2 0.75").isEmpty();
        RunLog stuck = Logs.log(new Logs.Setup());
        stuck.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        for (int e = 1; e <= 10; e++) {
            stuck.addEpoch(epoch(e, 1.0, e <= 6 ? 0.3 : 1.0, e <= 6 ? 0.5 : 1.0, e <= 6 ? 0.9 : 0.01, 1.0));
        }
        stuck.setEvaluation(ended(10, "COMPLETED", 1.0, 1.0));
        assertThat(new PredictsConstantRule().check(stuck)).singleElement().satisfies(f -> {
            assertThat(f.epoch()).as("the first epoch of the final constant stretch").isEqualTo(7);
            assertThat(f.evidence().get("constant_epochs")).isEqualTo(4);
        });
        RunLog brief = Logs.log(new Logs.Setup());
        brief.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        for (int e = 1; e <= 10; e++) {
            brief.addEpoch(epoch(e, 1.0, e <= 8 ? 0.3 : 1.0, e <= 8 ? 0.5 : 1.0, e <= 8 ? 0.9 : 0.01, 1.0));
        }
        brief.setEvaluation(ended(10, "COMPLETED", 1.0, 1.0));
        assertThat(new PredictsConstantRule().check(brief)).as("two constant epochs are not yet three").isEmpty();
    }

    @Test
    void aDeadReluOutputUnitIsNamed() {
        Logs.Setup s = new Logs.Setup();
        s.layers = Logs.withOutput(s.layers, Activation.RELU);
        RunLog log = Logs.log(s);
        log.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        for (int e = 1; e <= 4; e++) {
            log.addEpoch(epoch(e, 1.2, 1.2, 1.1, 0, 1.0));
            log.addProbe(Logs.probe(e, fill(3, 0), fill(3, 1), fill(3, 0), new double[] {0.1, 0.2, 1.0}, fill(3, 0)));
        }
        log.setEvaluation(ended(4, "COMPLETED", 1.1, 1.2));
        assertThat(new DeadReluRule().check(log)).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("layer 3 (dense 1, relu)");
            assertThat(f.message()).contains("outputs 0 for every row");
            assertThat(f.remedies()).first().isEqualTo(Remedy.FIX_OUTPUT_AND_LOSS);
        });
        assertThat(new PredictsConstantRule().check(log)).singleElement().satisfies(f ->
                assertThat(f.message()).contains("its ReLU output unit is dead"));
    }

    @Test
    void aLossThatDivergedHasNotStalled() {
        RunLog log = Logs.log(new Logs.Setup());
        log.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        for (int e = 1; e <= 20; e++) {
            double loss = e <= 5 ? 1.0 : 2.8e14;
            log.addEpoch(epoch(e, loss, loss, 200, 0.5, 1.0));
        }
        assertThat(new PlateauRule().check(log)).isEmpty();
    }

    @Test
    void vanishingGradientsUnderAdam() {
        Logs.Setup s = new Logs.Setup();
        s.epochs = 3;
        s.layers = Logs.layers(Activation.SIGMOID, Init.XAVIER_UNIFORM, 1, 0, 32, 32);
        RunLog log = Logs.log(s);
        for (int e = 1; e <= 3; e++) {
            log.addEpoch(epoch(e, 0.69, 0.69, 0.6, 0.1, 1.0));
            log.addProbe(Logs.probe(e, new double[] {5e-6, 1e-4, 0.5}, fill(3, 5), fill(3, 2e-4), fill(3, 0), fill(3, 0)));
        }
        assertThat(new VanishingGradientsRule().check(log)).as("Adam's update ratio stays normal; the gradient ratio decides")
                .singleElement().satisfies(f -> assertThat(f.message()).contains("adam rescales"));
        s.optimizer = Optimizer.SGD;
        RunLog sgd = Logs.log(s);
        log.epochs().forEach(sgd::addEpoch);
        log.probes().forEach(sgd::addProbe);
        assertThat(new VanishingGradientsRule().check(sgd)).as("SGD moves the first layer by 4e-5 of its size per step: not vanishing").isEmpty();
    }

    @Test
    void layersThatDoNotMoveAtAllAreNotALearningRateProblem() {
        Logs.Setup s = new Logs.Setup();
        s.epochs = 3;
        RunLog log = Logs.log(s);
        for (int e = 1; e <= 3; e++) {
            log.addEpoch(epoch(e, 1, 1, 1, 0, 1));
            log.addProbe(Logs.probe(e, fill(3, 0), fill(3, 1), fill(3, 0), fill(3, 1), fill(3, 0)));
        }
        assertThat(new UpdateRatioRule().check(log)).isEmpty();
    }

    @Test
    void aValidationLossStillFallingAtTheEndAsksForMoreEpochs() {
        Logs.Setup s = new Logs.Setup();
        s.epochs = 20;
        RunLog log = Logs.log(s);
        for (int e = 1; e <= 20; e++) {
            log.addEpoch(epoch(e, 1.0 / e, 1.2 * Math.pow(0.97, e), 0.5, 0.5, 1.0));
        }
        log.setEvaluation(ended(20, "COMPLETED", 0.5, 0.5));
        assertThat(new StillImprovingRule().check(log)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.epoch()).isEqualTo(20);
            assertThat(f.evidence().get("drop_per_epoch")).isCloseTo((1 - Math.pow(0.97, 5)) / 5, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.remedies()).containsExactly(Remedy.TRAIN_LONGER);
        });
        log.setEvaluation(ended(20, "EARLY_STOPPING", 0.5, 0.5));
        assertThat(new StillImprovingRule().check(log)).as("stopped on purpose").isEmpty();
        RunLog slow = Logs.log(s);
        for (int e = 1; e <= 20; e++) {
            slow.addEpoch(epoch(e, 1.0 / e, 1.2 * Math.pow(0.995, e), 0.5, 0.5, 1.0));
        }
        slow.setEvaluation(ended(20, "COMPLETED", 0.5, 0.5));
        assertThat(new StillImprovingRule().check(slow)).as("0.5% per epoch: converging, not steep").isEmpty();
    }
}
