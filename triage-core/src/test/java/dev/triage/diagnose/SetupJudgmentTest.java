package dev.triage.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Activation;
import dev.triage.config.Init;
import dev.triage.config.Optimizer;
import dev.triage.config.ScheduleConfig;
import dev.triage.config.ScheduleType;
import dev.triage.config.TargetScaling;
import dev.triage.diagnose.setup.ActivationScaleRule;
import dev.triage.diagnose.setup.InitRule;
import dev.triage.diagnose.setup.OutputLossMismatchRule;
import dev.triage.diagnose.setup.ScheduleRule;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.InitSignals;
import dev.triage.probe.log.RunLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration and initialization rules on the cases of issue 10: raw targets, biases, schedules, undefined ratios. */
class SetupJudgmentTest {
    private static RunLog withTarget(Logs.Setup s, double min, double median, double max) {
        RunLog log = Logs.log(s);
        log.setData(new DataSignals("d.csv", 1000, 700, 150, 150, false, List.of(Logs.target("y", min, median, max)), null,
                new DuplicateRows(1000, 0, 0), List.of(), List.of(), List.of(), 0, 0));
        return log;
    }

    @Test
    void aBoundedOutputCannotFollowARawTargetOutsideItsRange() {
        Logs.Setup s = new Logs.Setup();
        s.scaleTarget = TargetScaling.NONE;
        s.layers = Logs.withOutput(s.layers, Activation.SIGMOID);
        assertThat(new OutputLossMismatchRule().check(withTarget(s, 3, 6, 8))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("spans [3, 8]").contains("between 0 and 1");
            assertThat(f.remedies()).containsExactly(Remedy.FIX_OUTPUT_AND_LOSS);
        });
        assertThat(new OutputLossMismatchRule().check(withTarget(s, 0, 0.4, 1))).as("a target in [0, 1]").isEmpty();
        assertThat(new OutputLossMismatchRule().check(withTarget(s, 0, 0.4, 1.3))).as("only part out of reach")
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        s.layers = Logs.withOutput(s.layers, Activation.RELU);
        assertThat(new OutputLossMismatchRule().check(withTarget(s, 3, 6, 8))).as("relu reaches any positive target").isEmpty();
        assertThat(new OutputLossMismatchRule().check(withTarget(s, -5, -1, 2))).hasSize(1);
        s.layers = Logs.withOutput(s.layers, Activation.IDENTITY);
        assertThat(new OutputLossMismatchRule().check(withTarget(s, 3, 6, 8))).isEmpty();
    }

    @Test
    void aNegativeBiasInitKillsReluUnits() {
        Logs.Setup s = new Logs.Setup();
        s.layers = Logs.withBias(s.layers, -3);
        assertThat(new InitRule().check(Logs.log(s))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence().get("bias_init")).isEqualTo(-3);
            assertThat(f.remedies()).containsExactly(Remedy.USE_HE_INIT);
        });
        s.layers = Logs.withBias(s.layers, -1);
        assertThat(new InitRule().check(Logs.log(s))).as("at the bound").singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.ERROR);
        s.layers = Logs.withBias(s.layers, -0.9);
        assertThat(new InitRule().check(Logs.log(s))).isEmpty();
        s.layers = Logs.withBias(s.layers, 2);
        assertThat(new InitRule().check(Logs.log(s))).as("positive: units stay on").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void aTinyInitializationIsAnErrorOnlyWhereStepsFollowTheGradient() {
        Logs.Setup s = new Logs.Setup();
        s.layers = Logs.layers(Activation.RELU, Init.NORMAL, 0.001, 0, 64, 32);
        assertThat(new InitRule().check(Logs.log(s))).as("Adam rescales tiny gradients").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        s.optimizer = Optimizer.SGD;
        assertThat(new InitRule().check(Logs.log(s))).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        s.optimizer = Optimizer.ADAM;
        s.layers = Logs.layers(Activation.RELU, Init.NORMAL, 1.0, 0, 64, 32);
        assertThat(new InitRule().check(Logs.log(s))).as("too large is an error whatever the optimizer").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    private static InitSignals init(double... preActStd) {
        double[] zero = new double[preActStd.length];
        return new InitSignals(32, 1, 1, 1, 0, preActStd, preActStd, zero, zero, 0.5, 1);
    }

    @Test
    void anUndefinedActivationRatioIsNotAnError() {
        RunLog log = Logs.log(new Logs.Setup());
        log.setInit(init(0, 0, 0));
        assertThat(new ActivationScaleRule().check(log)).as("0/0: nothing to compare").isEmpty();
        log.setInit(init(1.2, 0, 0.5));
        assertThat(new ActivationScaleRule().check(log)).as("a signal that dies after layer 1").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
        log.setInit(init(1.2, 1.0, 0.5));
        assertThat(new ActivationScaleRule().check(log)).isEmpty();
    }

    private static ScheduleConfig schedule(ScheduleType type, int stepSize, double gamma) {
        return new ScheduleConfig(type, stepSize, gamma, 10, 5, 0.0);
    }

    @Test
    void aScheduleThatStopsLearningEarlyIsFound() {
        Logs.Setup s = new Logs.Setup();
        s.epochs = 100;
        s.schedule = schedule(ScheduleType.EXPONENTIAL, 30, 0.1);
        assertThat(new ScheduleRule().check(Logs.log(s))).as("the default gamma divides by 10 every epoch").singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.evidence().get("epoch")).isEqualTo(5);
                    assertThat(f.remedies()).containsExactly(Remedy.FIX_LR_SCHEDULE);
                });
        s.schedule = schedule(ScheduleType.STEP, 10, 0.1);
        assertThat(new ScheduleRule().check(Logs.log(s))).as("below 1e-3 from epoch 41 of 100").singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.evidence().get("epoch")).isEqualTo(41);
                });
        s.schedule = schedule(ScheduleType.STEP, 30, 0.1);
        assertThat(new ScheduleRule().check(Logs.log(s))).as("the default step schedule: epoch 91").isEmpty();
        s.schedule = schedule(ScheduleType.EXPONENTIAL, 30, 0.95);
        assertThat(new ScheduleRule().check(Logs.log(s))).isEmpty();
        for (ScheduleType t : List.of(ScheduleType.COSINE, ScheduleType.WARMUP_COSINE, ScheduleType.CONSTANT,
                ScheduleType.REDUCE_ON_PLATEAU)) {
            s.schedule = schedule(t, 30, 0.1);
            assertThat(new ScheduleRule().check(Logs.log(s))).as(t.configName()).isEmpty();
        }
    }
}
