package dev.triage.probe.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.config.Activation;
import dev.triage.config.InvalidInputException;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.config.Task;
import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Replay;
import dev.triage.diagnose.Rules;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading run logs written by other frameworks: names, NaN strings, shapes, and every kind of bad input. */
class TelemetryReaderTest {
    static final String RUN = "{\"type\":\"run\",\"format\":\"triage-telemetry\",\"version\":1,\"framework\":\"pytorch\","
            + "\"task\":\"regression\",\"layers\":[{\"index\":0,\"name\":\"net.0\",\"kind\":\"linear\",\"in\":11,\"units\":8,"
            + "\"activation\":\"mish\"},{\"index\":1,\"name\":\"net.2\",\"kind\":\"linear\",\"in\":8,\"units\":1,"
            + "\"activation\":\"identity\"}],\"loss\":\"MSELoss\",\"optimizer\":{\"name\":\"lion\",\"learning_rate\":0.001},"
            + "\"batch_size\":32,\"epochs\":3,\"train_rows\":1000,\"validation_rows\":200}";

    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        Path p = dir.resolve("run.jsonl");
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    private static String step(int step, String loss) {
        return "{\"type\":\"step\",\"step\":" + step + ",\"epoch\":1,\"loss\":" + loss + "}";
    }

    @Test
    void unknownNamesAreCarriedNotRejected() throws IOException {
        RunLog log = TelemetryReader.read(file(RUN, step(0, "1.5"))).log();
        assertThat(log.setup().layers().get(0).activation()).isEqualTo(Activation.OTHER);
        assertThat(log.setup().layers().get(0).activationLabel()).isEqualTo("mish");
        assertThat(log.setup().layers().get(0).describe()).isEqualTo("layer 1 'net.0' (linear 8, mish)");
        assertThat(log.setup().optimizer()).isEqualTo(Optimizer.OTHER);
        assertThat(log.origin().optimizerName()).isEqualTo("lion");
        assertThat(log.setup().loss()).isEqualTo(Loss.MSE);
        assertThat(log.setup().task()).isEqualTo(Task.REGRESSION);
        assertThat(log.stepLosses()).containsExactly(1.5);
    }

    @Test
    void aLossThatTakesLogitsGivesTheOutputItsActivation() throws IOException {
        String run = RUN.replace("\"regression\"", "\"classification\",\"classes\":3").replace("MSELoss", "CrossEntropyLoss")
                .replace("\"units\":1", "\"units\":3");
        RunLog log = TelemetryReader.read(file(run, step(0, "1.1"))).log();
        assertThat(log.setup().outputActivation()).isEqualTo(Activation.SOFTMAX);
        assertThat(log.setup().loss()).isEqualTo(Loss.CROSS_ENTROPY);
    }

    @Test
    void functionalLossesAreKnownByTheirNames() throws IOException {
        String run = RUN.replace("\"regression\"", "\"classification\",\"classes\":2")
                .replace("MSELoss", "binary_cross_entropy_with_logits");
        RunLog log = TelemetryReader.read(file(run, step(0, "0.7"))).log();
        assertThat(log.setup().loss()).isEqualTo(Loss.BINARY_CROSS_ENTROPY);
        assertThat(log.setup().outputActivation()).isEqualTo(Activation.SIGMOID);
        RunLog mse = TelemetryReader.read(file(RUN.replace("MSELoss", "mse_loss"), step(0, "0.7"))).log();
        assertThat(mse.setup().loss()).isEqualTo(Loss.MSE);
        assertThat(mse.setup().outputActivation()).isEqualTo(Activation.IDENTITY);
    }

    @Test
    void nanAndInfinityTravelAsStringsAndTheFirstNonFiniteLossIsFound() throws IOException {
        RunLog log = TelemetryReader.read(file(RUN, step(0, "2.0"), step(1, "\"Infinity\""), step(2, "\"NaN\""))).log();
        assertThat(log.stepLosses()[1]).isInfinite();
        assertThat(log.stepLosses()[2]).isNaN();
        NonFiniteEvent e = log.nonFinite();
        assertThat(e.step()).isEqualTo(1);
        assertThat(e.quantity()).isEqualTo(NonFiniteEvent.Quantity.LOSS);
        assertThat(e.lastFiniteLoss()).isEqualTo(2.0);
    }

    @Test
    void aNonFiniteRecordNamesTheLayer() throws IOException {
        RunLog log = TelemetryReader.read(file(RUN, step(0, "2.0"), step(1, "\"NaN\""),
                "{\"type\":\"nonfinite\",\"step\":1,\"epoch\":1,\"layer\":0,\"layer_name\":\"net.0\",\"tensor\":\"gradient\"}")).log();
        assertThat(log.nonFinite().layer()).isZero();
        assertThat(log.nonFinite().quantity()).isEqualTo(NonFiniteEvent.Quantity.GRADIENT);
        List<Finding> f = Replay.run(log, new Doctor(Rules.all(), List.of())).findings();
        assertThat(f).filteredOn(x -> x.code().equals("TRAIN_NAN_LOSS")).singleElement()
                .satisfies(x -> assertThat(x.where()).isEqualTo("gradient of layer 1 'net.0' (linear 8, mish)"));
    }

    @Test
    void aBroadcastingLossCallIsAnError() throws IOException {
        String call = "{\"type\":\"loss_call\",\"step\":0,\"loss\":\"MSELoss\",\"prediction_shape\":[32,1],\"target_shape\":[32],"
                + "\"reduction\":\"mean\",\"broadcast_shape\":[32,32]}";
        RunLog log = TelemetryReader.read(file(RUN, call, step(0, "1.0"))).log();
        List<Finding> f = Replay.run(log, new Doctor(Rules.all(), List.of())).findings();
        assertThat(f).filteredOn(x -> x.code().equals("LOSS_SHAPE_BROADCAST")).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("[32, 1]", "[32]", "[32, 32]", "target.view(-1, 1)");
            assertThat(x.evidence().get("broadcast_elements")).isEqualTo(1024.0);
            assertThat(x.evidence().get("expected_elements")).isEqualTo(32.0);
        });
    }

    @Test
    void matchingShapesAreNotABroadcast() throws IOException {
        String call = "{\"type\":\"loss_call\",\"step\":0,\"loss\":\"MSELoss\",\"prediction_shape\":[32,1],\"target_shape\":[32,1],"
                + "\"broadcast_shape\":[32,1]}";
        RunLog log = TelemetryReader.read(file(RUN, call, step(0, "1.0"))).log();
        assertThat(Replay.run(log, new Doctor(Rules.all(), List.of())).findings()).noneMatch(x -> x.code().equals("LOSS_SHAPE_BROADCAST"));
    }

    @Test
    void aLastLineCutShortIsDiagnosedUpToTheRecordBefore() throws IOException {
        Path p = dir.resolve("crashed.jsonl");
        Files.writeString(p, RUN + "\n" + step(0, "1.0") + "\n{\"type\":\"step\",\"step\":1,\"lo");
        TelemetryReader.Result r = TelemetryReader.read(p);
        assertThat(r.truncated()).isTrue();
        assertThat(r.log().stepCount()).isEqualTo(1);
    }

    @Test
    void aGarbledLineInTheMiddleNamesTheLine() throws IOException {
        Path p = file(RUN, step(0, "1.0"), "{not json", step(2, "1.0"));
        assertThatThrownBy(() -> TelemetryReader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("run.jsonl:3").hasMessageContaining("not a complete JSON record");
    }

    @Test
    void badInputIsRefusedWithTheFileLineAndWhatWasExpected() throws IOException {
        assertThatThrownBy(() -> TelemetryReader.read(file(""))).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> TelemetryReader.read(file(step(0, "1")))).hasMessageContaining("run.jsonl:1")
                .hasMessageContaining("not a run record");
        assertThatThrownBy(() -> TelemetryReader.read(file(RUN.replace("\"version\":1", "\"version\":7"))))
                .hasMessageContaining("version 7").hasMessageContaining("version 1");
        assertThatThrownBy(() -> TelemetryReader.read(file(RUN, "{\"type\":\"step\",\"step\":0}")))
                .hasMessageContaining("run.jsonl:2").hasMessageContaining("'loss'");
        assertThatThrownBy(() -> TelemetryReader.read(file(RUN, step(0, "\"fast\""))))
                .hasMessageContaining("field 'loss' is \"fast\"");
        assertThatThrownBy(() -> TelemetryReader.read(file(RUN, "{\"type\":\"probe\",\"step\":0,\"grad_norm\":[1,2,3]}")))
                .hasMessageContaining("one value per layer of the run record (2)");
        assertThatThrownBy(() -> TelemetryReader.read(file(RUN, RUN))).hasMessageContaining("a second run record");
        assertThatThrownBy(() -> TelemetryReader.read(file(RUN.replace("\"task\":\"regression\",", ""))))
                .hasMessageContaining("'task'");
        assertThatThrownBy(() -> TelemetryReader.read(file("[1,2]"))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> TelemetryReader.read(dir.resolve("absent.jsonl"))).hasMessageContaining("no such file");
    }

    @Test
    void aRunRecordWithoutALossIsReadAsAnUnknownLoss() throws IOException {
        RunLog log = TelemetryReader.read(file(RUN.replace("\"loss\":\"MSELoss\",", ""), step(0, "1.0"))).log();
        assertThat(log.setup().loss()).isEqualTo(Loss.OTHER);
        assertThat(log.setup().outputActivation()).isEqualTo(Activation.IDENTITY);
    }

    @Test
    void recordsOfANewerWriterAreIgnored() throws IOException {
        RunLog log = TelemetryReader.read(file(RUN, "{\"type\":\"x_custom\",\"step\":0}", step(0, "1.0"))).log();
        assertThat(log.stepCount()).isEqualTo(1);
    }
}
