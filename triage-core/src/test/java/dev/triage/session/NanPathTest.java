package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-finite value from the engine to the report: the engine marks the first layer and tensor, the
 * recorder journals it, TRAIN_NAN_LOSS names them, training stops at that step, and the report says so.
 * SGD at rate 100 on standardized data multiplies the weights by about 1e2, then 1e9 per step: at step 3
 * the output layer's gradient overflows float32 (the backward pass meets it first).
 */
class NanPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SessionResult train(String... sets) throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
        for (int i = 0; i < 64; i++) {
            csv.append(i % 7).append(',').append(i * 3 % 5).append(',').append(i % 2).append(',').append(i % 7 + i * 3 % 5)
                    .append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), csv);
        List<String> all = new ArrayList<>(List.of("data.path=" + dir.resolve("d.csv"), "data.target=y", "output.dir=" + dir.resolve("runs"),
                "model.hidden=[8, 4]", "training.epochs=20", "training.batch_size=16", "training.optimizer=sgd",
                "training.learning_rate=100"));
        all.addAll(List.of(sets));
        return TrainSession.train(RunConfig.load(null, all, dir), SessionOptions.quiet());
    }

    private static List<JsonNode> journal(Path run, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("signals.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            if (type.equals(n.path("type").asText())) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void anOverflowingGradientStopsTheRunAtItsStepAndIsNamedInTheReport() throws Exception {
        SessionResult r = train();
        Path run = Path.of(r.report().runDir());
        JsonNode event = journal(run, "nonfinite").get(0);
        assertThat(event.path("step").asLong()).isEqualTo(3);
        assertThat(event.path("layer").asInt()).isEqualTo(2);
        assertThat(event.path("tensor").asText()).isEqualTo("gradient");
        double stepTwoLoss = journal(run, "step").get(1).path("loss").asDouble();
        Finding nan = r.report().findings().stream().filter(f -> f.code().equals("TRAIN_NAN_LOSS")).findFirst().orElseThrow();
        assertThat(nan.where()).isEqualTo("gradient of layer 3 (dense 1, identity)");
        assertThat(nan.epoch()).isEqualTo(1);
        assertThat(nan.step()).isEqualTo(3L);
        assertThat(nan.evidence().get("last_finite_loss")).isEqualTo(stepTwoLoss).isFinite();
        assertThat(nan.message()).startsWith("the gradient of layer 3 (dense 1, identity) became non-finite at step 3 (epoch 1)")
                .endsWith("Training stopped there");
        assertThat(journal(run, "step")).as("no step after the non-finite one").hasSize(3);
        assertThat(r.report().metrics().epochsRun()).as("of 20").isEqualTo(1);
        assertThat(r.report().metrics().stopReason()).isEqualTo("non_finite");
        assertThat(r.exitCode()).isEqualTo(SessionResult.ERRORS_REMAIN);
        JsonNode reported = stream(JSON.readTree(run.resolve("report.json").toFile()).path("findings"))
                .filter(f -> f.path("code").asText().equals("TRAIN_NAN_LOSS")).findFirst().orElseThrow();
        assertThat(reported.path("where").asText()).isEqualTo("gradient of layer 3 (dense 1, identity)");
        assertThat(reported.path("step").asLong()).isEqualTo(3);
    }

    @Test
    void anOverflowingActivationIsNamedByItsLayer() throws Exception {
        // raw inputs and weights of std 100: the output's activation overflows in the second forward pass
        SessionResult r = train("data.preprocess.scale=none", "model.init=normal", "model.init_scale=100");
        Finding nan = r.report().findings().stream().filter(f -> f.code().equals("TRAIN_NAN_LOSS")).findFirst().orElseThrow();
        assertThat(nan.where()).isEqualTo("activation of layer 3 (dense 1, identity)");
        assertThat(nan.step()).isEqualTo(2L);
        assertThat(journal(Path.of(r.report().runDir()), "nonfinite").get(0).path("tensor").asText()).isEqualTo("activation");
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
