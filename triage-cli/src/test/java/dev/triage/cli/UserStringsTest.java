package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users write is read as they wrote it and echoed so that a terminal shows it, never obeys it. */
class UserStringsTest {
    static final String ESC = "\u001b";

    @TempDir
    Path dir;

    @Test
    void aYamlAliasIsRefusedRatherThanReadAsTheAnchorsName() throws Exception {
        KillCampaign.writeRun(dir, ResumeTest.CONFIG);
        Path config = dir.resolve("alias.yaml");
        Files.writeString(config, "data:\n  path: good.csv\n  target: y\n  missing: [&a b]\n  drop_columns: [*a]\n");
        CliRun r = CliRun.of("train", "--config", config.toString(), "-q");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("alias.yaml:5: a YAML alias (*a) is not supported");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void escapeSequencesInKeysValuesAndPathsAreShownNotObeyed() throws Exception {
        Path config = KillCampaign.writeRun(dir, ResumeTest.CONFIG);
        String title = ESC + "]0;owned\u0007";
        String clear = ESC + "[2J";
        CliRun[] runs = {
            CliRun.of("train", "--config", config.toString(), "--set", "model.hidden=[" + title + "]"),
            CliRun.of("train", "--config", config.toString(), "--set", "model.hid" + clear + "den=[4]"),
            CliRun.of("train", "--data", dir.resolve("no" + clear + ".csv").toString(), "--target", "y"),
            CliRun.of("train", "--config", config.toString(), "--target", "y" + title),
            CliRun.of("predict", "--model", dir.resolve("m" + title).toString(), "--data", "x.csv"),
            CliRun.of("train", "--config", config.toString(), "--bogus" + clear)};
        for (CliRun r : runs) {
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).doesNotContain(ESC).doesNotContain("\u0007").contains("\\u001b");
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        }
        CliRun odd = CliRun.of("train", "--config", config.toString(), "-q", "--set", "output.dir=" + dir.resolve("runs" + clear));
        assertThat(odd.exit()).as(odd.err()).isEqualTo(1);
        assertThat(odd.out()).contains("run folder: ").doesNotContain(ESC);
    }
}
