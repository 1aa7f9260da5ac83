package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `triage train --resume`: the doctor stays on, and what would silently change the run is refused. */
class ResumeTest {
    static final String CONFIG = """
            data: {path: good.csv, target: y}
            model: {hidden: [8]}
            training: {epochs: 12, learning_rate: 0.01}
            output: {dir: runs}
            """;

    @TempDir
    Path dir;

    /** Trains {@code config} in a fresh folder; the run must end with {@code exit}. */
    private Path trainedRun(int exit, String config, String... extra) throws Exception {
        Path file = KillCampaign.writeRun(dir, config);
        String[] args = new String[] {"train", "--config", file.toString(), "-q"};
        CliRun run = CliRun.of(concat(args, extra));
        assertThat(run.exit()).as(run.err()).isEqualTo(exit);
        return KillCampaign.onlyRunFolder(dir.resolve("runs"));
    }

    @Test
    void aResumedRunKeepsTheDoctorOnAndReportsOnTheWholeRun() throws Exception {
        Path run = trainedRun(1, CONFIG.replace("learning_rate: 0.01", "learning_rate: 0.01, batch_size: 64"));
        JsonNode before = json(run.resolve("report.json"));
        assertThat(before.path("findings").findValuesAsText("code")).as("config and training findings to carry over")
                .contains("CONFIG_BATCH_SIZE").anyMatch(code -> code.startsWith("TRAIN_"));
        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--epochs", "20");
        assertThat(resumed.exit()).as(resumed.err()).isEqualTo(1);
        assertThat(resumed.out()).contains("summary").contains("after 20 epochs");
        JsonNode after = json(run.resolve("report.json"));
        assertThat(after.path("metrics").path("epochs_run").asInt()).isEqualTo(20);
        assertThat(after.path("findings").findValuesAsText("code")).containsAll(before.path("findings").findValuesAsText("code"));
        assertThat(after.path("baselines").path("linear").path("val_rmse").asDouble())
                .isEqualTo(before.path("baselines").path("linear").path("val_rmse").asDouble());
        assertThat(after.path("checks_not_run").findValuesAsText("rule")).doesNotContain("dead-relu", "update-ratio");
        String signals = Files.readString(run.resolve("signals.jsonl"));
        assertThat(signals.split("\"type\":\"epoch\"", -1)).as("an epoch record for each of the 20 epochs").hasSize(21);
        assertThat(signals).contains("\"type\":\"init\"").contains("\"type\":\"data\"").contains("\"type\":\"evaluation\"");
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(21);
        assertThat(Files.readString(run.resolve("report.html"))).contains("epoch");
    }

    @Test
    void anEditedRunYamlIsRefusedAndLeftAsTheUserWroteIt() throws Exception {
        Path run = trainedRun(1, CONFIG);
        Path yaml = run.resolve("run.yaml");
        String edited = Files.readString(yaml).replace("  - 8\n", "  - 16\n");
        assertThat(edited).isNotEqualTo(Files.readString(yaml));
        Files.writeString(yaml, edited);
        CliRun r = CliRun.of("train", "--resume", run.toString(), "--epochs", "20");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("run.yaml: model.hidden was changed").contains("[8] -> [16]").contains("triage train --config");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(Files.readString(yaml)).isEqualTo(edited);
    }

    @Test
    void aChangedDataFileIsRefused() throws Exception {
        Path run = trainedRun(1, CONFIG);
        Path data = dir.resolve("good.csv");
        Files.writeString(data, Files.readString(data).replaceFirst("\n(-?)0", "\n$11"));
        CliRun r = CliRun.of("train", "--resume", run.toString(), "--epochs", "20");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("good.csv: the data file changed since the run").contains("same size, different content");
        Files.writeString(data, Files.readString(data) + "0.1,0.2,0.3,0.6\n");
        assertThat(CliRun.of("train", "--resume", run.toString(), "--epochs", "20").err()).contains("bytes then");
    }

    @Test
    void flagsThatCannotApplyToAResumeAreRefusedWithTheReason() throws Exception {
        Path run = trainedRun(1, CONFIG);
        String[][] cases = {{"--lr", "0.1", "learning rate"}, {"--seed", "7", "seed"}, {"--task", "classification", "task"},
            {"--set", "training.l2=0.1", "own configuration"}, {"--repair", null, "retrains from the start"}};
        for (String[] c : cases) {
            String[] args = c[1] == null ? new String[] {"train", "--resume", run.toString(), "--epochs", "20", c[0]}
                    : new String[] {"train", "--resume", run.toString(), "--epochs", "20", c[0], c[1]};
            CliRun r = CliRun.of(args);
            assertThat(r.exit()).as(c[0]).isEqualTo(2);
            assertThat(r.err()).as(c[0]).contains(c[0]).contains("cannot apply to --resume").contains(c[2]);
        }
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).as("nothing was trained").hasSize(13);
    }

    @Test
    void anEarlyStoppedRunSaysSoAndContinuesWithoutEarlyStoppingWhenAsked() throws Exception {
        Path run = trainedRun(0, CONFIG.replace("epochs: 12,", "epochs: 400,") + "", "--set",
                "training.early_stopping={patience: 2, restore_best: false}");
        int stoppedAt = json(run.resolve("report.json")).path("metrics").path("epochs_run").asInt();
        assertThat(stoppedAt).isLessThan(400);
        CliRun again = CliRun.of("train", "--resume", run.toString(), "--epochs", "500");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("stopped early at epoch " + stoppedAt).contains("--no-early-stopping");
        CliRun on = CliRun.of("train", "--resume", run.toString(), "--epochs", Integer.toString(stoppedAt + 5),
                "--no-early-stopping", "-q");
        assertThat(on.exit()).as(on.err()).isZero();
        assertThat(json(run.resolve("report.json")).path("metrics").path("epochs_run").asInt()).isEqualTo(stoppedAt + 5);
    }

    @Test
    void aRepairSessionFolderResumesItsFinalTrial() throws Exception {
        Path run = trainedRun(1, CONFIG.replace("learning_rate: 0.01", "learning_rate: 3.0"), "--repair");
        JsonNode repaired = json(run.resolve("report.json"));
        assertThat(repaired.path("repair").path("attempted").asBoolean()).isTrue();
        CliRun r = CliRun.of("train", "--resume", run.toString(), "--epochs", "20", "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("output.checkpoints: none");
        JsonNode after = json(run.resolve("report.json"));
        assertThat(after.path("metrics").path("epochs_run").asInt()).isEqualTo(20);
        assertThat(after.path("repair")).isEqualTo(repaired.path("repair"));
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(21);
    }

    private static JsonNode json(Path f) throws Exception {
        return new ObjectMapper().readTree(f.toFile());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
