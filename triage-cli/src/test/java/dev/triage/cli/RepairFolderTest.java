package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a --repair session leaves: the kept changes as --set arguments, a run.yaml to re-run as is, a report per trial. */
class RepairFolderTest {
    @TempDir
    Path dir;

    @Test
    void theRepairedConfigurationIsShownAsChangesAndReRunsWithoutRepairing() throws Exception {
        CliRun run = CliRun.of("train", "--data", CliRun.dataset("wine_quality_red.csv").toString(), "--target", "quality",
                "--set", "training.optimizer=sgd", "--lr", "5", "--epochs", "15", "--set", "output.dir=" + dir.resolve("runs"),
                "--repair");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("changes kept: +--set training\\.learning_rate=[0-9.e-]+ ");
        Path session = KillCampaign.onlyRunFolder(dir.resolve("runs"));
        String yaml = Files.readString(session.resolve("run.yaml"));
        assertThat(yaml).contains("repair: false").doesNotContain("learning_rate: 5");
        try (Stream<Path> trials = Files.list(session.resolve("trials"))) {
            assertThat(trials.filter(Files::isDirectory)).isNotEmpty().allSatisfy(t -> {
                assertThat(t.resolve("report.json")).as(t.toString()).isRegularFile();
                assertThat(t.resolve("report.html")).as(t.toString()).isRegularFile();
            });
        }
    }
}
