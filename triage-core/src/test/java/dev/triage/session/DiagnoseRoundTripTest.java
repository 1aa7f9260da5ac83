package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.TestData;
import dev.triage.config.RunConfig;
import dev.triage.config.Task;
import dev.triage.diagnose.Finding;
import dev.triage.probe.foreign.TelemetrySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One writer, one reader: {@code triage diagnose} of a Triage run folder finds exactly what the doctor
 * found live (same codes, severities, epochs, steps, places, messages, evidence and remedies), on every
 * faultbench scenario. Epochs are capped to keep the suite fast; the property does not depend on them.
 */
class DiagnoseRoundTripTest {
    private static final long MAX_EPOCHS = 25;

    @TempDir
    Path dir;

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(TestData.shared().resolve("faultbench"))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("run.yaml"))).map(p -> p.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void diagnosingTheRunFolderReproducesTheLiveFindings(String scenario) throws IOException {
        Path yaml = TestData.scenario(scenario).resolve("run.yaml");
        RunConfig cfg = RunConfig.load(yaml, List.of("output.dir=" + dir.resolve("runs"), "output.checkpoints=none",
                "doctor.repair=false"), dir);
        if (cfg.training().epochs() > MAX_EPOCHS) {
            cfg = cfg.with("training.epochs", MAX_EPOCHS);
        }
        SessionResult live = TrainSession.train(cfg, SessionOptions.quiet());
        Path runDir = Path.of(live.report().runDir());
        SessionResult replayed = DiagnoseSession.diagnose(new DiagnoseSession.Request(runDir, List.of(new TelemetrySource()),
                null, dir.resolve("diagnosis"), Task.AUTO), SessionOptions.quiet());

        assertThat(describe(replayed.report().findings())).isEqualTo(describe(live.report().findings()));
        assertThat(replayed.exitCode()).isEqualTo(live.exitCode());
        assertThat(dir.resolve("diagnosis").resolve("report.html")).isRegularFile();
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + "|" + f.severity() + "|" + f.phase() + "|" + f.epoch() + "|" + f.step()
                + "|" + f.where() + "|" + f.message() + "|" + f.evidence().asMap() + "|" + f.remedies()).toList();
    }
}
