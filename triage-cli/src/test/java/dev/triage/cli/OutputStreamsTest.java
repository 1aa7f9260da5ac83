package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output that fits a pipe: --json - on standard output, special files written to, run files as the umask says. */
class OutputStreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonDashIsStandardOutputAndTheWordsMoveToStandardError() throws Exception {
        CliRun check = CliRun.of("check", "--data", CliRun.dataset("iris.csv").toString(), "--target", "species", "--json", "-");
        assertThat(JSON.readTree(check.out()).path("command").asText()).isEqualTo("check");
        assertThat(check.err()).contains("summary", "baselines");
        assertThat(dir.resolve("-")).doesNotExist();
        assertThat(Path.of("-")).doesNotExist();

        CliRun train = CliRun.of("train", "--data", CliRun.dataset("iris.csv").toString(), "--target", "species", "--epochs", "2",
                "--set", "output.dir=" + dir, "--json", "-");
        JsonNode report = JSON.readTree(train.out());
        assertThat(report.path("metrics").path("epochs_run").asInt()).isEqualTo(2);
        assertThat(train.err()).contains("epoch    2/2", "summary");
        assertThat(train.err()).doesNotContain("\u001b[");
    }

    @Test
    void aLinkOrAPipeGivenAsOutputIsWrittenToNeverReplaced() throws Exception {
        Path real = dir.resolve("real.json");
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, real.getFileName());
        CliRun viaLink = CliRun.of("check", "--data", CliRun.dataset("iris.csv").toString(), "--target", "species", "--json",
                link.toString());
        assertThat(viaLink.exit()).as(viaLink.err()).isIn(0, 1);
        assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
        assertThat(JSON.readTree(real.toFile()).path("command").asText()).isEqualTo("check");

        Path fifo = dir.resolve("pipe.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun viaPipe = CliRun.of("check", "--data", CliRun.dataset("iris.csv").toString(), "--target", "species", "--json",
                fifo.toString());
        assertThat(viaPipe.exit()).as(viaPipe.err()).isIn(0, 1);
        assertThat(JSON.readTree(reader.get(30, TimeUnit.SECONDS)).path("command").asText()).isEqualTo("check");
        assertThat(Files.isRegularFile(fifo)).as("the pipe is still a pipe").isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void runFilesAreReadableAsTheUmaskSays() throws Exception {
        CliRun train = CliRun.of("train", "--data", CliRun.dataset("iris.csv").toString(), "--target", "species", "--epochs", "2",
                "--set", "output.dir=" + dir.resolve("runs"), "-q");
        assertThat(train.exit()).as(train.err()).isIn(0, 1);
        Path run;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            run = s.findFirst().orElseThrow();
        }
        Set<PosixFilePermission> asUmaskSays = Files.getPosixFilePermissions(Files.createFile(run.resolve("probe.txt")));
        for (String name : new String[] {"run.yaml", "report.json", "report.html", "model.triage", "metrics.csv"}) {
            assertThat(Files.getPosixFilePermissions(run.resolve(name))).as(name).isEqualTo(asUmaskSays);
        }
    }

    @Test
    void earlyStoppingNamesTheEpochItRestored() throws Exception {
        Path json = dir.resolve("es.json");
        CliRun r = CliRun.of("train", "--data", CliRun.dataset("wine_quality_red.csv").toString(), "--target", "quality",
                "--epochs", "300", "--set", "training.early_stopping.patience=3", "--set", "training.early_stopping.restore_best=true",
                "--set", "output.dir=" + dir, "--json", json.toString());
        JsonNode metrics = JSON.readTree(json.toFile()).path("metrics");
        assertThat(metrics.path("stop_reason").asText()).isEqualTo("early_stopping");
        int restored = metrics.path("restored_epoch").asInt();
        assertThat(restored).isBetween(1, metrics.path("epochs_run").asInt() - 1);
        assertThat(r.out()).contains("restored the weights of its best epoch, " + restored)
                .contains("(early_stopping; the weights of epoch " + restored + " restored)");
    }
}
