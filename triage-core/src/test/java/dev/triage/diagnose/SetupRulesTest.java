package dev.triage.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Activation;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.config.Task;
import dev.triage.diagnose.setup.ActivationScaleRule;
import dev.triage.diagnose.setup.BatchSizeRule;
import dev.triage.diagnose.setup.DropoutRule;
import dev.triage.diagnose.setup.InitLossRule;
import dev.triage.diagnose.setup.InitRule;
import dev.triage.diagnose.setup.LearningRateRule;
import dev.triage.diagnose.setup.MemoryRule;
import dev.triage.diagnose.setup.OutputLossMismatchRule;
import dev.triage.diagnose.setup.RegularizationRule;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.InitSignals;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration and initialization rules on scripted setups. */
class SetupRulesTest {
    private static List<Finding> check(Rule r, Logs.Setup s) {
        return r.check(Logs.log(s));
    }

    @Test
    void learningRateRangesPerOptimizerWithMomentumCounted() {
        Logs.Setup s = new Logs.Setup();
        assertThat(check(new LearningRateRule(), s)).isEmpty();
        s.optimizer = Optimizer.SGD;
        s.lr = 5.0;
        assertThat(check(new LearningRateRule(), s)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.remedies()).first().isEqualTo(Remedy.LOWER_LEARNING_RATE);
        });
        s.lr = 0.01;
        assertThat(check(new LearningRateRule(), s)).isEmpty();
        s.optimizer = Optimizer.MOMENTUM;
        s.lr = 0.1;
        assertThat(check(new LearningRateRule(), s)).singleElement().satisfies(f ->
                assertThat(f.evidence().get("effective_rate")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12)));
        s.optimizer = Optimizer.ADAM;
        s.lr = 0.1;
        assertThat(check(new LearningRateRule(), s)).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        s.lr = 1e-7;
        assertThat(check(new LearningRateRule(), s)).singleElement().extracting(Finding::remedies)
                .asList().first().isEqualTo(Remedy.RAISE_LEARNING_RATE);
    }

    @Test
    void outputAndLossMustFitTheTask() {
        Logs.Setup s = new Logs.Setup();
        assertThat(check(new OutputLossMismatchRule(), s)).isEmpty();
        s.task = Task.CLASSIFICATION;
        s.classes = 2;
        s.loss = Loss.BINARY_CROSS_ENTROPY;
        s.layers = withOutput(s.layers, Activation.SOFTMAX, 1);
        assertThat(check(new OutputLossMismatchRule(), s)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("always outputs 1");
        });
        s.layers = withOutput(s.layers, Activation.SIGMOID, 1);
        assertThat(check(new OutputLossMismatchRule(), s)).isEmpty();
        s.task = Task.REGRESSION;
        s.loss = Loss.MSE;
        assertThat(check(new OutputLossMismatchRule(), s)).as("sigmoid for a standardized target").hasSize(1);
    }

    @Test
    void aBoundedOutputMustReachTheUnscaledTargetItIsTrainedOn() {
        Logs.Setup s = new Logs.Setup();
        s.scaleTarget = dev.triage.config.TargetScaling.NONE;
        s.layers = withOutput(s.layers, Activation.SIGMOID, 1);
        RunLog log = Logs.log(s);
        ColumnProfile strength = Logs.numeric("strength", 2.3, 34.4, 82.6, 16.7, 10);
        log.setData(Logs.data(List.of(new ColumnProfile(strength.name(), true, true, 1000, 0, 0, 500, false, strength.summary(),
                null, false, false))));
        assertThat(new OutputLossMismatchRule().check(log)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("beyond what sigmoid can output (0 to 1)").contains("82.6");
        });
        ColumnProfile share = Logs.numeric("share", 0, 0.4, 1.2, 0.2, 0.1);
        log.setData(Logs.data(List.of(new ColumnProfile(share.name(), true, true, 1000, 0, 0, 500, false, share.summary(),
                null, false, false))));
        assertThat(new OutputLossMismatchRule().check(log)).as("only the tail beyond 1").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        s.layers = withOutput(s.layers, Activation.IDENTITY, 1);
        log.setSetup(s.build());
        assertThat(new OutputLossMismatchRule().check(log)).as("identity reaches any target").isEmpty();
    }

    private static List<LayerFacts> withOutput(List<LayerFacts> layers, Activation act, int units) {
        List<LayerFacts> out = new ArrayList<>(layers.subList(0, layers.size() - 1));
        LayerFacts last = layers.get(layers.size() - 1);
        out.add(new LayerFacts(last.index(), last.fanIn(), units, act, 0, false, last.init(), 1));
        return out;
    }

    @Test
    void symmetricOrBadlyScaledInitialization() {
        Logs.Setup s = new Logs.Setup();
        assertThat(check(new InitRule(), s)).isEmpty();
        s.layers = Logs.layers(Activation.RELU, Init.ZEROS, 1, 0, 32, 16);
        assertThat(check(new InitRule(), s)).singleElement().satisfies(f -> assertThat(f.message()).contains("symmetry"));
        s.layers = Logs.layers(Activation.RELU, Init.NORMAL, 1.0, 0, 64, 64, 64, 64, 64, 64);
        assertThat(check(new InitRule(), s)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence().get("cumulative_scale_ratio")).isGreaterThan(1000);
            assertThat(f.remedies()).containsExactly(Remedy.USE_HE_INIT);
        });
        s.layers = Logs.layers(Activation.RELU, Init.NORMAL, Math.sqrt(2.0 / 64), 0, 64, 64);
        assertThat(check(new InitRule(), s)).as("normal with about He's std").isEmpty();
        s.layers = Logs.layers(Activation.RELU, Init.NORMAL, 4 * Math.sqrt(2.0 / 10), 0, 64);
        assertThat(check(new InitRule(), s)).as("one layer 4x off").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void dropoutThatDropsMostUnits() {
        Logs.Setup s = new Logs.Setup();
        s.layers = Logs.layers(Activation.RELU, Init.HE_UNIFORM, 1, 0.9, 16, 8);
        assertThat(check(new DropoutRule(), s)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence().get("units_kept")).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        });
        s.layers = Logs.layers(Activation.RELU, Init.HE_UNIFORM, 1, 0.1, 16, 8);
        assertThat(check(new DropoutRule(), s)).isEmpty();
        s.layers = Logs.layers(Activation.RELU, Init.HE_UNIFORM, 1, 0.5, 512, 256);
        assertThat(check(new DropoutRule(), s)).as("0.5 on wide layers is classic dropout").isEmpty();
    }

    @Test
    void batchesThatCoverTheDataAndMemoryBeyondTheHeap() {
        Logs.Setup s = new Logs.Setup();
        s.batch = 2048;
        s.trainRows = 1259;
        assertThat(check(new BatchSizeRule(), s)).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        s.optimizer = Optimizer.LBFGS;
        assertThat(check(new BatchSizeRule(), s)).as("L-BFGS is full batch by design").isEmpty();
        s.estimatedBytes = 2L << 30;
        assertThat(check(new MemoryRule(), s)).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    @Test
    void initRulesReadTheFirstForwardPass() {
        Logs.Setup s = new Logs.Setup();
        s.l2 = 1.0;
        RunLog log = Logs.log(s);
        log.setInit(new InitSignals(256, 1.1, 1.0, 1.1, 97, new double[] {1, 4, 16}, new double[] {1, 1, 1},
                new double[] {0, 0, 0}, new double[] {0, 0, 0}, 0.8, 1.0));
        assertThat(new RegularizationRule().check(log)).singleElement().satisfies(f -> {
            assertThat(f.phase()).isEqualTo(Phase.CONFIG);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(new InitLossRule().check(log)).isEmpty();
        assertThat(new ActivationScaleRule().check(log)).isEmpty();
        RunLog exploding = Logs.log(new Logs.Setup());
        exploding.setInit(new InitSignals(256, 3e10, 1.0, 3e10, 0, new double[] {1, 40, 1e5}, new double[] {1, 1, 1},
                new double[] {0, 0, 0}, new double[] {0, 0, 0}, 7e4, 1.0));
        assertThat(new InitLossRule().check(exploding)).hasSize(1);
        assertThat(new ActivationScaleRule().check(exploding)).singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
    }
}
