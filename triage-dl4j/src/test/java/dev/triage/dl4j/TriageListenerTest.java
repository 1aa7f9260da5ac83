package dev.triage.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Replay;
import dev.triage.diagnose.Rule;
import dev.triage.diagnose.Rules;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import dev.triage.probe.telemetry.TelemetryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Real DL4J networks on shipped datasets, one fault each: the listener must name it. */
class TriageListenerTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void float32() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /** A seeded MLP: named dense layers "hidden1", "hidden2", ... and "output"; {@code custom} adjusts the global builder. */
    static MultiLayerNetwork mlp(int in, int[] hidden, int out, Activation outAct, LossFunction loss,
                                 Consumer<NeuralNetConfiguration.Builder> custom) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3)).weightInit(WeightInit.RELU);
        custom.accept(b);
        NeuralNetConfiguration.ListBuilder lb = b.list();
        int prev = in;
        for (int i = 0; i < hidden.length; i++) {
            lb.layer(new DenseLayer.Builder().name("hidden" + (i + 1)).nIn(prev).nOut(hidden[i]).activation(Activation.RELU).build());
            prev = hidden[i];
        }
        lb.layer(new OutputLayer.Builder(loss).name("output").nIn(prev).nOut(out).activation(outAct).build());
        MultiLayerNetwork net = new MultiLayerNetwork(lb.build());
        net.init();
        return net;
    }

    static List<String> codes(TriageResult r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    static Finding only(TriageResult r, String code) {
        List<Finding> f = r.withCode(code);
        assertThat(f).as("findings " + codes(r)).hasSize(1);
        return f.get(0);
    }

    @Test
    void unscaledFeaturesAreFoundInWhatTheIteratorGives() {
        Dl4jData d = Dl4jData.load("wine_quality_red.csv", 0, 1).scaleTarget();
        DataSetIterator train = d.train(32);
        MultiLayerNetwork net = mlp(d.features(), new int[] {16}, 1, Activation.IDENTITY, LossFunction.MSE, b -> { });
        TriageListener doctor = TriageListener.forRegression(train, d.validation(256)).build();
        net.setListeners(doctor);
        net.fit(train, 2);

        TriageResult r = doctor.result();
        Finding f = only(r, "DATA_UNSCALED");
        assertThat(f.severity()).as("289 is above 20 but below the error bound 1000").isEqualTo(Severity.WARNING);
        assertThat(f.evidence().get("max_abs_value")).as("total sulfur dioxide reaches 289").isGreaterThan(100);
        assertThat(f.where()).isEqualTo("input 7");
        assertThat(doctor.log().inputs().rows()).isEqualTo(d.trainX.length);
    }

    @Test
    void aLearningRateFarTooHighEndsInNanNamingTheDl4jLayer() {
        Dl4jData d = Dl4jData.load("wine_quality_red.csv", 0, 2).scaleFeatures().scaleTarget();
        DataSetIterator train = d.train(32);
        MultiLayerNetwork net = mlp(d.features(), new int[] {32, 16}, 1, Activation.IDENTITY, LossFunction.MSE,
                b -> b.updater(new Sgd(2.0)));
        TriageListener doctor = TriageListener.forRegression(train, d.validation(256)).build();
        net.setListeners(doctor);
        net.fit(train, 3);

        TriageResult r = doctor.result();
        Finding nan = only(r, "TRAIN_NAN_LOSS");
        assertThat(nan.severity()).isEqualTo(Severity.ERROR);
        TriageResult.NonFinite first = r.firstNonFinite();
        assertThat(first).isNotNull();
        assertThat(first.layerName()).isIn("hidden1", "hidden2", "output");
        assertThat(nan.where()).contains("'" + first.layerName() + "'");
        assertThat(first.dl4jLayerIndex()).isEqualTo(List.of("hidden1", "hidden2", "output").indexOf(first.layerName()));
        if (first.quantity().equals("weight")) {
            assertThat(first.parameter()).isIn("W", "b");
        }
        assertThat(first.iteration()).isGreaterThan(0);
        assertThat(nan.step()).isEqualTo(first.iteration());
        assertThat(r.stopRequested()).as("stopOnError is off").isFalse();
        assertThat(doctor.log().stepCount()).as("recording goes on").isEqualTo(3L * 40);
    }

    @Test
    void aSigmoidOutputCannotReachAnUnscaledRegressionTarget() {
        Dl4jData d = Dl4jData.load("concrete_compressive_strength.csv", 0, 3).scaleFeatures();
        DataSetIterator train = d.train(32);
        MultiLayerNetwork net = mlp(d.features(), new int[] {16}, 1, Activation.SIGMOID, LossFunction.MSE, b -> { });
        TriageListener doctor = TriageListener.forRegression(train, d.validation(256)).build();
        net.setListeners(doctor);
        net.fit(train, 1);

        Finding f = only(doctor.result(), "CONFIG_OUTPUT_LOSS_MISMATCH");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("sigmoid").contains("MSE".toLowerCase()).contains("beyond what sigmoid can output");
        assertThat(f.where()).contains("'output'");
    }

    @Test
    void zeroWeightInitIsSymmetric() {
        Dl4jData d = Dl4jData.load("wine_quality_red.csv", 0, 4).scaleFeatures().scaleTarget();
        DataSetIterator train = d.train(32);
        MultiLayerNetwork net = mlp(d.features(), new int[] {16}, 1, Activation.IDENTITY, LossFunction.MSE,
                b -> b.weightInit(WeightInit.ZERO));
        TriageListener doctor = TriageListener.forRegression(train, d.validation(256)).build();
        net.setListeners(doctor);
        net.fit(train, 1);

        Finding f = only(doctor.result(), "CONFIG_INIT");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("zeros").contains("'hidden1'");
    }

    @Test
    void dropoutGivenAsAKeepProbabilityIsJudgedAsNinetyPercentDropped() {
        Dl4jData d = Dl4jData.load("wine_quality_red.csv", 0, 5).scaleFeatures().scaleTarget();
        DataSetIterator train = d.train(32);
        MultiLayerNetwork net = mlp(d.features(), new int[] {32}, 1, Activation.IDENTITY, LossFunction.MSE,
                b -> b.dropOut(0.1));
        TriageListener doctor = TriageListener.forRegression(train, d.validation(256)).stopOnError(true).build();
        net.setListeners(doctor);
        net.fit(train, 1);

        TriageResult r = doctor.result();
        Finding f = only(r, "CONFIG_DROPOUT");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.evidence().get("dropout")).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.where()).contains("'hidden1'");
        LayerFacts hidden = doctor.log().setup().hidden().get(0);
        assertThat(hidden.dropout()).as("drop probability = 1 - DL4J's retain probability").isCloseTo(0.9,
                org.assertj.core.data.Offset.offset(1e-9));
        // stopOnError: the configuration error asks to stop before the first iteration is recorded
        assertThat(r.stopRequested()).isTrue();
        assertThat(doctor.shouldStop()).isTrue();
        assertThat(doctor.terminationCondition().terminate(0.5)).isTrue();
        assertThat(doctor.log().stepCount()).isZero();
    }

    @Test
    void updatesFarAboveOneThousandthOfTheWeightsAreMeasured() {
        // Adam at 0.05: the weights change by 1-3e-2 of their size per step, ten times the healthy 1e-3. The
        // calibration (docs/calibration.md) puts healthy Adam runs up to 3e-2 in their first epochs, so the
        // rule stays quiet here; what this test pins down is that the listener measures the ratio DL4J applies.
        Dl4jData d = Dl4jData.load("wine_quality_red.csv", 0, 6).scaleFeatures().scaleTarget();
        DataSetIterator train = d.train(32);
        MultiLayerNetwork net = mlp(d.features(), new int[] {32, 16}, 1, Activation.IDENTITY, LossFunction.MSE,
                b -> b.updater(new Adam(0.05)));
        TriageListener doctor = TriageListener.forRegression(train, d.validation(256)).epochs(3).build();
        net.setListeners(doctor);
        net.fit(train, 3);

        var probes = doctor.log().probes();
        assertThat(probes).isNotEmpty();
        double[] ratios = probes.stream().mapToDouble(p -> p.updateRatio(0)).filter(Double::isFinite).sorted().toArray();
        assertThat(ratios).isNotEmpty();
        assertThat(ratios[ratios.length / 2]).as("median update ratio of the first hidden layer").isGreaterThan(1e-2);
        assertThat(doctor.result().findings()).noneMatch(f -> f.severity() == dev.triage.diagnose.Severity.ERROR
                && f.code().equals("TRAIN_UPDATE_RATIO"));
    }

    @Test
    void aHealthyNetworkHasNoErrorAndItsRunFolderReplaysToTheSameFindings() throws Exception {
        Dl4jData d = Dl4jData.load("wine_quality_red.csv", 0, 7).scaleFeatures().scaleTarget();
        DataSetIterator train = d.train(32);
        MultiLayerNetwork net = mlp(d.features(), new int[] {32, 16}, 1, Activation.IDENTITY, LossFunction.MSE, b -> { });
        Path runDir = tmp.resolve("healthy");
        TriageListener doctor = TriageListener.forRegression(train, d.validation(256)).report(runDir).epochs(8).build();
        net.setListeners(doctor);
        net.fit(train, 8);

        TriageResult r = doctor.result();
        assertThat(r.findings()).as("findings " + codes(r)).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(codes(r)).doesNotContain("DATA_UNSCALED", "TRAIN_UPDATE_RATIO", "CONFIG_INIT", "CONFIG_DROPOUT");
        assertThat(r.disabledReason()).isNull();
        assertThat(r.firstNonFinite()).isNull();

        RunLog log = doctor.log();
        assertThat(log.available()).contains(Signal.SETUP, Signal.DATA, Signal.INPUTS, Signal.STEP_LOSSES, Signal.EPOCH_LOSSES,
                Signal.VALIDATION, Signal.LAYER_GRADIENTS, Signal.LAYER_ACTIVATIONS);
        assertThat(log.epochs()).hasSize(8);
        assertThat(log.stepCount()).isEqualTo(8L * 40);
        double[] val = log.epochs().stream().mapToDouble(e -> e.validationLoss()).filter(Double::isFinite).toArray();
        assertThat(val.length).as("the first epoch is always evaluated, later ones within 2% of the wall time").isGreaterThan(1);
        assertThat(val[val.length - 1]).isLessThan(val[0]);
        ProbePoint p = log.probes().get(log.probes().size() - 1);
        assertThat(p.gradNorm()).hasSize(3);
        assertThat(java.util.Arrays.stream(p.gradNorm()).allMatch(v -> v > 0)).isTrue();
        assertThat(p.updateRatio(0)).as("Adam 1e-3 moves weights about 1e-3 of their size").isBetween(1e-4, 1e-2);
        assertThat(p.zeroFraction()[0]).as("relu zeros").isBetween(0.05, 0.95);
        assertThat(log.origin().framework()).isEqualTo("dl4j");
        assertThat(log.origin().lossName()).isEqualTo("MSE");
        assertThat(log.origin().optimizerName()).isEqualTo("Adam");

        assertThat(runDir.resolve("signals.jsonl")).isRegularFile();
        assertThat(runDir.resolve("report.json")).isRegularFile();
        assertThat(Files.readString(runDir.resolve("report.html"))).contains("<html").contains("dl4j");
        RunLog read = TelemetryReader.read(runDir.resolve("signals.jsonl")).log();
        List<String> replayed = Replay.run(read, new Doctor(Rules.all(), List.of())).findings().stream().map(Finding::code).toList();
        assertThat(replayed).containsExactlyInAnyOrderElementsOf(codes(r));
    }

    @Test
    void aGraphWithAVertexItCannotMapIsDiagnosedWithWhatItCanRead() {
        Dl4jData d = Dl4jData.load("wine_quality_red.csv", 0, 9).scaleFeatures().scaleTarget();
        DataSetIterator train = d.train(32);
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3)).weightInit(WeightInit.ZERO).graphBuilder().addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nIn(d.features()).nOut(16).activation(Activation.RELU).build(), "in")
                .addLayer("b", new DenseLayer.Builder().nIn(d.features()).nOut(16).activation(Activation.TANH).build(), "in")
                .addVertex("merge", new MergeVertex(), "a", "b")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MSE).nIn(32).nOut(1).activation(Activation.IDENTITY).build(),
                        "merge")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        Path runDir = tmp.resolve("graph");
        TriageListener doctor = TriageListener.forRegression(train, d.validation(256)).report(runDir).build();
        graph.setListeners(doctor);
        graph.fit(train, 2);

        TriageResult r = doctor.result();
        assertThat(r.disabledReason()).isNull();
        assertThat(codes(r)).as("the dense layers it could map are judged").contains("CONFIG_INIT");
        assertThat(r.checksNotRun()).anyMatch(c -> c.rule().equals("dl4j-adapter") && c.reason().contains("'merge'"));
        assertThat(doctor.log().setup().layers()).extracting(LayerFacts::name).containsExactly("a", "b", "out");
        assertThat(doctor.log().epochs()).hasSize(2);
        assertThat(doctor.log().epochs().get(0).validationLoss()).isFinite();
        assertThat(runDir.resolve("report.html")).isRegularFile();
    }

    @Test
    void aRuleThatThrowsSwitchesTheListenerOffWithoutBreakingTraining() {
        Dl4jData d = Dl4jData.load("wine_quality_red.csv", 0, 8).scaleFeatures().scaleTarget();
        DataSetIterator train = d.train(32);
        MultiLayerNetwork net = mlp(d.features(), new int[] {16}, 1, Activation.IDENTITY, LossFunction.MSE, b -> { });
        AtomicInteger calls = new AtomicInteger();
        Rule broken = new Rule() {
            public String id() {
                return "broken";
            }

            public String code() {
                return "BROKEN";
            }

            public Phase phase() {
                return Phase.TRAINING;
            }

            public Set<Signal> needs() {
                return Set.of();
            }

            public List<Finding> check(RunLog log) {
                calls.incrementAndGet();
                throw new IllegalStateException("a rule bug");
            }
        };
        List<Rule> rules = new ArrayList<>(Rules.all());
        rules.add(broken);
        Path runDir = tmp.resolve("broken");
        TriageListener doctor = TriageListener.forRegression(train, d.validation(256)).report(runDir).rules(rules).build();
        net.setListeners(doctor);
        double before = net.score(d.validation(1000).next());
        net.fit(train, 3);
        double after = net.score(d.validation(1000).next());

        assertThat(after).as("training went on").isLessThan(before);
        TriageResult r = doctor.result();
        assertThat(r.disabledReason()).contains("a rule bug");
        assertThat(calls).as("switched off after the first failure").hasValue(1);
        assertThat(doctor.log().stepCount()).as("nothing recorded after the failure at the end of epoch 1").isEqualTo(40);
        assertThat(r.checksNotRun()).anyMatch(s -> s.rule().equals("all"));
        assertThat(runDir.resolve("report.json")).isRegularFile();
    }
}
