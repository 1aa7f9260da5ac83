package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.epoch;
import static dev.triage.diagnose.Logs.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Activation;
import dev.triage.config.Init;
import dev.triage.diagnose.dynamics.DeadReluRule;
import dev.triage.diagnose.dynamics.DivergingRule;
import dev.triage.diagnose.dynamics.ExplodingGradientsRule;
import dev.triage.diagnose.dynamics.NanLossRule;
import dev.triage.diagnose.dynamics.OscillatingRule;
import dev.triage.diagnose.dynamics.OverfittingRule;
import dev.triage.diagnose.dynamics.PlateauRule;
import dev.triage.diagnose.dynamics.PredictsConstantRule;
import dev.triage.diagnose.dynamics.SaturatedActivationsRule;
import dev.triage.diagnose.dynamics.UnderfittingRule;
import dev.triage.diagnose.dynamics.UpdateRatioRule;
import dev.triage.diagnose.dynamics.VanishingGradientsRule;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.RunLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training rules on scripted sequences of epochs and probes. */
class DynamicsRulesTest {
    private static RunLog curve(double[] train, double[] val) {
        RunLog log = Logs.log(new Logs.Setup());
        for (int i = 0; i < train.length; i++) {
            log.addEpoch(epoch(i + 1, train[i], val == null ? Double.NaN : val[i], 0.7, 0.5, 1.0));
        }
        return log;
    }

    @Test
    void nanAtTheExactStepWithWhereItAppeared() {
        RunLog log = Logs.log(new Logs.Setup());
        assertThat(new NanLossRule().check(log)).isEmpty();
        log.setNonFinite(new NonFiniteEvent(1, 4, 2, NonFiniteEvent.Quantity.ACTIVATION, 61.2));
        assertThat(new NanLossRule().check(log)).singleElement().satisfies(f -> {
            assertThat(f.step()).isEqualTo(4L);
            assertThat(f.where()).isEqualTo("activation of layer 3 (dense 1, identity)");
            assertThat(f.evidence().get("last_finite_loss")).isEqualTo(61.2);
        });
        assertThat(new NanLossRule().stopsTraining()).isTrue();
    }

    @Test
    void divergingOnJumpsOrSteadyClimbsNotOnNoise() {
        assertThat(new DivergingRule().check(curve(new double[] {1, 0.5, 0.4, 0.42, 0.39, 0.41}, null))).isEmpty();
        assertThat(new DivergingRule().check(curve(new double[] {1, 0.5, 0.4, 4.5}, null))).singleElement()
                .satisfies(f -> assertThat(f.epoch()).isEqualTo(4));
        assertThat(new DivergingRule().check(curve(new double[] {1, 0.5, 0.6, 0.7, 0.8, 0.9, 1.1}, null))).hasSize(1);
        assertThat(new DivergingRule().check(curve(new double[] {1.6, 0.01, 6e-5, 0.03, 0.02}, null)))
                .as("a wobble near zero is not a divergence").isEmpty();
    }

    @Test
    void oscillationNeedsLargeSwingsThatChangeDirectionWithoutTrend() {
        double[] bouncing = new double[30];
        double[] smooth = new double[30];
        for (int i = 0; i < 30; i++) {
            bouncing[i] = 1.0 + (i % 2 == 0 ? 0.3 : -0.2);
            smooth[i] = 1.0 / (1 + 0.1 * i) + (i % 2 == 0 ? 0.005 : -0.005);
        }
        assertThat(new OscillatingRule().check(curve(bouncing, null))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(new OscillatingRule().check(curve(smooth, null))).isEmpty();
    }

    /** 30 epochs swinging by {@code swing} (relative) around a level of 0.6, ended at validation MSE {@code finalMse}. */
    private static RunLog bouncingRun(double swing, double finalMse) {
        double[] train = new double[30];
        for (int i = 0; i < 30; i++) {
            train[i] = 0.6 * (1 + (i % 2 == 0 ? swing / 2 : -swing / 2));
        }
        RunLog log = curve(train, null);
        log.setBaselines(Logs.baselines(1.0, 0.5, 0.7));
        log.setEvaluation(new dev.triage.probe.log.EvaluationSignals(30, "COMPLETED", 0.6, finalMse, Math.sqrt(finalMse),
                finalMse, Double.NaN, 30, finalMse, false, 0.6));
        return log;
    }

    @Test
    void swingsOnARunThatHeldItsOwnAreAnInfoAndOnOneThatDidNotAWarning() {
        assertThat(new OscillatingRule().check(bouncingRun(0.2, 0.6))).as("lost to the linear baseline (0.5)").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(new OscillatingRule().check(bouncingRun(0.2, 0.5))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("held its own against its best baseline");
            assertThat(f.evidence().get("relative_swing")).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.evidence().get("best_baseline_loss")).isEqualTo(0.5);
        });
        assertThat(new OscillatingRule().check(bouncingRun(0.4, 0.5))).as("swings of twice the bound stay an error")
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    @Test
    void overfittingWhenValidationRisesAndTrainingFalls() {
        double[] train = {1.6, 1.0, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05, 0.03};
        double[] val = {1.9, 1.4, 1.1, 0.9, 0.82, 0.85, 0.95, 1.0, 1.1, 1.13};
        assertThat(new OverfittingRule().check(curve(train, val))).as("while training: not judged yet").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        RunLog ended = curve(train, val);
        ended.setEvaluation(new dev.triage.probe.log.EvaluationSignals(10, "COMPLETED", 0.03, 1.13, Double.NaN, 1.13, Double.NaN, 5,
                0.82, false, 0.03));
        assertThat(new OverfittingRule().check(ended)).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("ended, no baselines to hold against").isEqualTo(Severity.ERROR);
            assertThat(f.evidence().get("best_epoch")).isEqualTo(5);
        });
        Logs.Setup restoring = new Logs.Setup();
        restoring.restoreBest = true;
        RunLog log = Logs.log(restoring);
        curve(train, val).epochs().forEach(log::addEpoch);
        assertThat(new OverfittingRule().check(log)).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        double[] small = {0.9, 0.6, 0.3, 0.1, 0.081, 0.09, 0.1, 0.11, 0.12, 0.123};
        assertThat(new OverfittingRule().check(curve(train, small))).as("a rise tiny next to the starting loss").isEmpty();
    }

    @Test
    void plateauAndUnderfittingAgainstTheBaselines() {
        Logs.Setup s = new Logs.Setup();
        RunLog stuck = Logs.log(s);
        stuck.setBaselines(Logs.baselines(1.0, 0.25, 0.4));
        for (int i = 1; i <= 20; i++) {
            stuck.addEpoch(epoch(i, 0.98 - 0.0001 * i, 0.99, 0.99, 0.3, 1.0));
        }
        assertThat(new PlateauRule().check(stuck)).hasSize(1);
        stuck.setEvaluation(new EvaluationSignals(20, "COMPLETED", 0.98, 0.99, 0.99, 0.98, Double.NaN, 20, 0.99, false));
        assertThat(new UnderfittingRule().check(stuck)).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        RunLog close = Logs.log(s);
        close.setBaselines(Logs.baselines(1.0, 0.25, 0.4));
        close.setEvaluation(new EvaluationSignals(20, "COMPLETED", 0.2, 0.26, 0.51, 0.26, Double.NaN, 20, 0.26, false));
        assertThat(new UnderfittingRule().check(close)).as("99% of the baseline's skill").isEmpty();
    }

    @Test
    void anOverconfidentClassifierAsAccurateAsTheBaselinesIsNotUnderfitting() {
        Logs.Setup s = new Logs.Setup();
        s.task = dev.triage.config.Task.CLASSIFICATION;
        RunLog log = Logs.log(s);
        log.setBaselines(new dev.triage.probe.log.Baselines(List.of(
                new dev.triage.probe.log.BaselineResult("trivial", "accuracy", 0.33, 0.33, 1.10),
                new dev.triage.probe.log.BaselineResult("linear", "accuracy", 0.958, 0.958, 0.097)), "trivial", "linear", 0.9,
                Double.NaN, 0));
        // validation log loss 1.16 (worse than trivial) but accuracy 0.958: overconfident, not underfit
        log.setEvaluation(new EvaluationSignals(30, "COMPLETED", 0.011, 1.16, 0.958, 1.16, Double.NaN, 8, 0.07, false));
        assertThat(new UnderfittingRule().check(log)).isEmpty();
        log.setEvaluation(new EvaluationSignals(30, "COMPLETED", 1e-6, 1.16, 0.917, 1.16, Double.NaN, 8, 0.07, false));
        assertThat(new UnderfittingRule().check(log)).as("memorized the training rows").isEmpty();
        log.setEvaluation(new EvaluationSignals(30, "COMPLETED", 0.5, 1.16, 0.75, 1.16, Double.NaN, 8, 0.07, false));
        assertThat(new UnderfittingRule().check(log)).as("less accurate than the baseline, training loss high").hasSize(1);
    }

    @Test
    void constantPredictionsAtTrivialQuality() {
        RunLog log = Logs.log(new Logs.Setup());
        log.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        for (int i = 1; i <= 5; i++) {
            log.addEpoch(epoch(i, 1.0, 1.0, 1.0, 1e-9, 1.0));
        }
        log.setEvaluation(new EvaluationSignals(5, "COMPLETED", 1.0, 1.0, 1.0, 1.0, Double.NaN, 5, 1.0, false));
        assertThat(new PredictsConstantRule().check(log)).singleElement().satisfies(f -> assertThat(f.epoch()).isEqualTo(1));
        RunLog varied = Logs.log(new Logs.Setup());
        varied.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        for (int i = 1; i <= 5; i++) {
            varied.addEpoch(epoch(i, 0.5, 0.5, 0.7, 0.6, 1.0));
        }
        varied.setEvaluation(new EvaluationSignals(5, "COMPLETED", 0.5, 0.5, 0.7, 0.5, Double.NaN, 5, 0.5, false));
        assertThat(new PredictsConstantRule().check(varied)).isEmpty();
    }

    @Test
    void layerRulesNeedSustainedEvidence() {
        Logs.Setup s = new Logs.Setup();
        RunLog log = Logs.log(s);
        log.addProbe(Logs.probe(1, fill(3, 0.1), fill(3, 1), fill(3, 1e-3), new double[] {0.1, 0.95, 0}, fill(3, 0)));
        assertThat(new DeadReluRule().check(log)).as("one epoch is not enough").isEmpty();
        log.addProbe(Logs.probe(2, fill(3, 0.1), fill(3, 1), fill(3, 1e-3), new double[] {0.1, 0.97, 0}, fill(3, 0)));
        assertThat(new DeadReluRule().check(log)).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("layer 2 (dense 8, relu)");
            assertThat(f.epoch()).isEqualTo(1);
        });
        s.layers = Logs.layers(Activation.TANH, Init.XAVIER_UNIFORM, 1, 0, 16, 8);
        RunLog tanh = Logs.log(s);
        tanh.addProbe(Logs.probe(1, fill(3, 0.1), fill(3, 1), fill(3, 1e-3), new double[] {0.99, 0, 0}, new double[] {0.98, 0, 0.9}));
        tanh.addProbe(Logs.probe(2, fill(3, 0.1), fill(3, 1), fill(3, 1e-3), new double[] {0.99, 0, 0}, new double[] {0.97, 0, 0.9}));
        assertThat(new DeadReluRule().check(tanh)).as("not a ReLU layer").isEmpty();
        assertThat(new SaturatedActivationsRule().check(tanh)).singleElement().satisfies(f ->
                assertThat(f.where()).isEqualTo("layer 1 (dense 16, tanh)"));
    }

    @Test
    void gradientsThatExplodeOrVanishAndUpdateRatios() {
        Logs.Setup s = new Logs.Setup();
        s.epochs = 3;
        RunLog big = Logs.log(s);
        big.addProbe(Logs.probe(1, new double[] {4e8, 2e8, 3e9}, fill(3, 10), fill(3, 10), fill(3, 0), fill(3, 0)));
        assertThat(new ExplodingGradientsRule().check(big)).hasSize(1);
        RunLog vanishing = Logs.log(s);
        for (int e = 1; e <= 3; e++) {
            vanishing.addEpoch(epoch(e, 0.7, 0.7, 0.6, 0.1, 1.0));
            vanishing.addProbe(Logs.probe(e, new double[] {5e-5, 1e-3, 0.5}, fill(3, 5), new double[] {1e-7, 1e-5, 1e-2},
                    fill(3, 0), fill(3, 0)));
        }
        assertThat(new VanishingGradientsRule().check(vanishing)).hasSize(1);
        assertThat(new ExplodingGradientsRule().check(vanishing)).isEmpty();
        assertThat(new UpdateRatioRule().check(vanishing)).singleElement().satisfies(f -> {
            assertThat(f.evidence().get("update_ratio")).isCloseTo(2e-6, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        RunLog healthy = Logs.log(s);
        for (int e = 1; e <= 3; e++) {
            healthy.addEpoch(epoch(e, 0.5, 0.5, 0.6, 0.5, 1.0));
            healthy.addProbe(Logs.probe(e, new double[] {0.1, 0.2, 0.5}, fill(3, 5), fill(3, 5e-3), fill(3, 0), fill(3, 0)));
        }
        assertThat(new UpdateRatioRule().check(healthy)).isEmpty();
        assertThat(new VanishingGradientsRule().check(healthy)).isEmpty();
    }

    @Test
    void theDoctorReportsEachFindingOnceAndSaysWhichRulesCouldNotRun() {
        RunLog log = curve(new double[] {1, 0.5, 0.4, 4.5, 9}, null);
        Doctor doctor = new Doctor(Rules.all(), List.of("loss-plateau"));
        assertThat(doctor.check(Phase.TRAINING, log)).extracting(Finding::code).contains("TRAIN_LOSS_DIVERGING");
        assertThat(doctor.check(Phase.TRAINING, log)).isEmpty();
        assertThat(doctor.skipped(log)).extracting(SkippedRule::rule).contains("dead-relu", "not-learnable")
                .doesNotContain("loss-plateau");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Doctor(Rules.all(), List.of("dead-relus")))
                .hasMessageContaining("did you mean 'dead-relu'?");
    }
}
