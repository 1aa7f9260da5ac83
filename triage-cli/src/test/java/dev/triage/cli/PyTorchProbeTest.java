package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real PyTorch: the probe's own unit tests, then small PyTorch programs on shipped
 * datasets, each recorded by the probe and diagnosed by {@code triage diagnose}, must produce the right
 * findings. Needs a python3 with torch (Debian's python3-torch); skipped without one, unless
 * TRIAGE_TORCH_TESTS=required (as .ci/run sets).
 */
class PyTorchProbeTest {
    private static final Path PROBE = Path.of("..", "probes", "python").toAbsolutePath().normalize();
    private static String python;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPython() {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("TRIAGE_PYTHON") != null) {
            candidates.add(System.getenv("TRIAGE_PYTHON"));
        }
        candidates.addAll(List.of("/usr/bin/python3", "python3"));
        for (String c : candidates) {
            if (run(List.of(c, "-c", "import torch"), Path.of("."), 120).exit == 0) {
                python = c;
                break;
            }
        }
        if (python == null && "required".equals(System.getenv("TRIAGE_TORCH_TESTS"))) {
            throw new AssertionError("TRIAGE_TORCH_TESTS=required but no python3 with torch was found:"
                    + " apt-get install python3-torch (or set TRIAGE_PYTHON)");
        }
        Assumptions.assumeTrue(python != null, "no python3 with torch (apt-get install python3-torch)");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path cwd, int seconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
            pb.environment().put("PYTHONPATH", PROBE.toString());
            pb.environment().put("OMP_NUM_THREADS", "1");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    @Test
    void theProbesOwnTestsPass() {
        Result r = run(List.of(python, "-m", "unittest", "discover", "-s", "tests"), PROBE, 600);
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).containsPattern("Ran [1-9][0-9]* tests?").contains("OK");
    }

    /** Runs a scenario program through the probe, then triage diagnose; returns the JSON report. */
    private JsonNode diagnose(int exit, String scenario, String... extra) throws IOException {
        Path log = dir.resolve(scenario + ".jsonl");
        Result r = run(List.of(python, PROBE.resolve("scenarios").resolve(scenario + ".py").toString(), "--data-dir",
                CliRun.dataset("x").getParent().toString(), "--out", log.toString()), dir, 600);
        assertThat(r.exit).as(r.output).isZero();
        List<String> args = new ArrayList<>(List.of("diagnose", log.toString(), "--out", dir.resolve(scenario).toString(),
                "--json", dir.resolve(scenario + ".json").toString()));
        args.addAll(List.of(extra));
        CliRun cli = CliRun.of(args.toArray(String[]::new));
        assertThat(cli.exit()).as(cli.err() + cli.out()).isEqualTo(exit);
        assertThat(dir.resolve(scenario).resolve("report.html")).isRegularFile();
        return new ObjectMapper().readTree(Files.readString(dir.resolve(scenario + ".json")));
    }

    private static List<String> codes(JsonNode report, String severity) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (severity == null || severity.equals(f.path("severity").asText())) {
                out.add(f.path("code").asText());
            }
        });
        return out;
    }

    private static JsonNode finding(JsonNode report, String code) {
        for (JsonNode f : report.path("findings")) {
            if (code.equals(f.path("code").asText())) {
                return f;
            }
        }
        throw new AssertionError(code + " not among " + codes(report, null));
    }

    @Test
    void anOutputOfShapeNx1AgainstATargetOfShapeNIsTheBroadcastBugAndTheModelPredictsTheMean() throws IOException {
        JsonNode r = diagnose(1, "broadcast_mse");
        assertThat(codes(r, "error")).contains("LOSS_SHAPE_BROADCAST", "TRAIN_PREDICTS_CONSTANT");
        assertThat(finding(r, "LOSS_SHAPE_BROADCAST").path("message").asText()).contains("[32, 1]", "[32]", "[32, 32]");
    }

    @Test
    void unscaledFeaturesAreSeenInWhatTheNetworkReceived() throws IOException {
        JsonNode r = diagnose(1, "unscaled_features", "--data", CliRun.dataset("california_housing.csv").toString(), "--target",
                "median_house_value");
        assertThat(codes(r, "error")).contains("DATA_UNSCALED");
        assertThat(r.path("baselines").isMissingNode()).isFalse();
    }

    @Test
    void aRateThatProducesNanIsCaughtWithTheModuleName() throws IOException {
        JsonNode r = diagnose(1, "nan_rate");
        JsonNode nan = finding(r, "TRAIN_NAN_LOSS");
        assertThat(nan.path("severity").asText()).isEqualTo("error");
        assertThat(nan.path("where").asText()).containsPattern("layer \\d+ '[^']+'");
    }

    @Test
    void deadReluUnitsAreFound() throws IOException {
        assertThat(codes(diagnose(1, "dead_relu"), "error")).contains("TRAIN_DEAD_RELU");
    }

    @Test
    void aSigmoidOutputCannotReachAnUnscaledRegressionTarget() throws IOException {
        JsonNode r = diagnose(1, "sigmoid_unscaled_target");
        assertThat(codes(r, "error")).contains("CONFIG_OUTPUT_LOSS_MISMATCH");
    }

    @Test
    void aHealthyRunHasNoErrorFinding() throws IOException {
        JsonNode r = diagnose(0, "healthy", "--data", CliRun.dataset("wine_quality_red.csv").toString(), "--target", "quality");
        assertThat(codes(r, "error")).isEmpty();
    }
}
