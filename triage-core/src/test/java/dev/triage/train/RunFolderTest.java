package dev.triage.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RunFolder owns the names of a run folder's files: every other class asks it for a path. */
class RunFolderTest {
    /** The file names (the folder names "checkpoints" and "trials" are also keys of run.yaml and the report). */
    private static final List<String> NAMES = List.of(RunFolder.CONFIG, RunFolder.METRICS, RunFolder.LAST_CHECKPOINT,
            RunFolder.BEST_CHECKPOINT, RunFolder.MODEL, RunFolder.SIGNALS, RunFolder.OLD_SIGNALS, RunFolder.REPORT,
            RunFolder.REPORT_HTML, RunFolder.LR_FIND_CSV, RunFolder.LR_FIND_HTML);
    /** Files of the same name that are not a Triage run folder's (PyTorch Lightning's CSV log). */
    private static final List<String> FOREIGN = List.of("probe/foreign/LightningCsvSource.java");

    @TempDir
    Path dir;

    @Test
    void everyFileOfARunFolder() {
        RunFolder f = new RunFolder(dir);
        assertThat(List.of(f.config(), f.metrics(), f.lastCheckpoint(), f.bestCheckpoint(), f.model(), f.signals(), f.report(),
                f.reportHtml(), f.lrFindCsv(), f.lrFindHtml())).containsExactly(dir.resolve("run.yaml"), dir.resolve("metrics.csv"),
                dir.resolve("checkpoints/last.ckpt"), dir.resolve("checkpoints/best.ckpt"), dir.resolve("model.triage"),
                dir.resolve("signals.jsonl"), dir.resolve("report.json"), dir.resolve("report.html"), dir.resolve("lr_find.csv"),
                dir.resolve("lr_find.html"));
    }

    @Test
    void theTrialsOfARepairSession() {
        RunFolder session = new RunFolder(dir);
        RunFolder trial = session.trial(3);
        assertThat(trial.path()).isEqualTo(dir.resolve("trials/trial-3"));
        assertThat(trial.isTrial()).isTrue();
        assertThat(session.isTrial()).isFalse();
        assertThat(new RunFolder(dir.resolve("other/trial-3")).isTrial()).as("not under trials/").isFalse();
        assertThat(session.finalTrialMarker()).isEqualTo(dir.resolve("trials/final"));
        assertThat(RunFolder.isTrialName("trial-12")).isTrue();
        assertThat(RunFolder.isTrialName("trial-x")).isFalse();
    }

    /** No other class of the library spells a run folder's file name (comments aside). */
    @Test
    void noOtherClassSpellsTheNames() throws IOException {
        Path main = Path.of("src/main/java/dev/triage");
        List<String> spelled = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                String rel = main.relativize(p).toString().replace('\\', '/');
                if (rel.equals("train/RunFolder.java") || FOREIGN.contains(rel)) {
                    continue;
                }
                for (String line : Files.readAllLines(p)) {
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("/")) {
                        continue;
                    }
                    NAMES.stream().filter(n -> code.contains('"' + n + '"')).forEach(n -> spelled.add(rel + ": " + n));
                }
            }
        }
        assertThat(spelled).isEmpty();
    }
}
