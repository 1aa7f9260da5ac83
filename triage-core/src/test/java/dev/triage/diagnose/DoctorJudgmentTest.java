package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.epoch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Optimizer;
import dev.triage.config.Scaling;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.RunLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The doctor's final verdict on a whole run, and remedies that are already in place. */
class DoctorJudgmentTest {
    @Test
    void aSpikeTheRunRecoveredFromEndsAsAWarning() {
        RunLog log = Logs.log(new Logs.Setup());
        log.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        Doctor doctor = new Doctor(Rules.all(), List.of());
        double[] train = {1.0, 0.6, 0.5, 40, 0.5, 0.45, 0.44, 0.43};
        for (int e = 0; e < 4; e++) {
            log.addEpoch(epoch(e + 1, train[e], train[e], 0.7, 0.5, 1.0));
        }
        assertThat(doctor.check(Phase.TRAINING, log)).as("live: the jump is an error").singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("TRAIN_LOSS_DIVERGING");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        for (int e = 4; e < train.length; e++) {
            log.addEpoch(epoch(e + 1, train[e], train[e], 0.66, 0.5, 1.0));
        }
        log.setEvaluation(new EvaluationSignals(8, "COMPLETED", 0.43, 0.43, 0.66, 0.43, Double.NaN, 8, 0.43, false));
        List<Finding> revised = doctor.check(Phase.EVALUATION, log);
        assertThat(revised).as("the revision is announced").extracting(Finding::code).contains("TRAIN_LOSS_DIVERGING");
        assertThat(doctor.findings()).filteredOn(f -> f.code().equals("TRAIN_LOSS_DIVERGING")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.epoch()).isEqualTo(4);
            assertThat(f.message()).contains("the run recovered");
        });
    }

    @Test
    void aWarningGivenLiveBecomesAnErrorAtTheEndEvenWithTheSameWords() {
        RunLog log = Logs.log(new Logs.Setup());
        log.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        Doctor doctor = new Doctor(List.of(new dev.triage.diagnose.dynamics.OverfittingRule()), List.of());
        double[] train = {1.6, 1.0, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05, 0.03};
        double[] val = {1.9, 1.4, 1.1, 0.9, 0.82, 0.85, 0.95, 1.0, 1.1, 1.13};
        for (int e = 0; e < train.length; e++) {
            log.addEpoch(epoch(e + 1, train[e], val[e], 0.7, 0.5, 1.0));
        }
        assertThat(doctor.check(Phase.TRAINING, log)).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        String live = doctor.findings().get(0).message();
        log.setEvaluation(new EvaluationSignals(10, "COMPLETED", 0.03, 1.13, 0.7, 1.13, Double.NaN, 5, 0.82, false));
        assertThat(doctor.check(Phase.EVALUATION, log)).as("the revision is announced").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(doctor.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("worse than every baseline: memorized").isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo(live);
        });
    }

    @Test
    void remediesAlreadyInPlaceAreNeverProposed() {
        Logs.Setup s = new Logs.Setup();
        s.optimizer = Optimizer.ADAM;
        s.restoreBest = true;
        RunLog log = Logs.log(s);
        assertThat(InPlace.notInPlace(List.of(Remedy.USE_ADAM, Remedy.EARLY_STOPPING, Remedy.USE_HE_INIT, Remedy.SCALE_FEATURES,
                Remedy.LOWER_LEARNING_RATE, Remedy.REWEIGHT_CLASSES), log.setup()))
                .as("Adam, early stopping, He init (the default for ReLU), scaling; class weights do not apply to regression")
                .containsExactly(Remedy.LOWER_LEARNING_RATE);
        s.scale = Scaling.NONE;
        s.optimizer = Optimizer.SGD;
        s.layers = Logs.withBias(s.layers, -3);
        assertThat(InPlace.notInPlace(List.of(Remedy.USE_ADAM, Remedy.USE_HE_INIT, Remedy.SCALE_FEATURES), Logs.log(s).setup()))
                .as("He init resets a bias of -3").containsExactly(Remedy.USE_ADAM, Remedy.USE_HE_INIT, Remedy.SCALE_FEATURES);
    }

    @Test
    void theDoctorStripsThemFromFindings() {
        Logs.Setup s = new Logs.Setup();
        s.optimizer = Optimizer.ADAM;
        RunLog log = Logs.log(s);
        log.setBaselines(Logs.baselines(1.0, 0.5, 0.6));
        for (int e = 1; e <= 30; e++) {
            log.addEpoch(epoch(e, 1.0 + (e % 2 == 0 ? 0.4 : -0.3), 1.0, 0.9, 0.5, 1.0));
        }
        Doctor doctor = new Doctor(Rules.all(), List.of());
        assertThat(doctor.check(Phase.TRAINING, log)).filteredOn(f -> f.code().equals("TRAIN_LOSS_OSCILLATING")).singleElement()
                .satisfies(f -> assertThat(f.remedies()).containsExactly(Remedy.LOWER_LEARNING_RATE, Remedy.ADD_LR_SCHEDULE));
    }
}
