package dev.triage.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.config.ConfigBinder;
import dev.triage.config.InvalidInputException;
import dev.triage.config.Separator;
import dev.triage.config.YamlSource;
import dev.triage.data.StreamingStats;
import dev.triage.data.TableReader;
import dev.triage.probe.telemetry.TelemetryReader;
import dev.triage.train.Checkpoint;
import dev.triage.train.TrainedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz targets of every reader of user files: whatever the bytes, a reader either returns or refuses with
 * {@link InvalidInputException} (exit 2); anything else it throws is a bug. In the default build each
 * target runs its committed inputs (src/test/resources/dev/triage/fuzz/ReadersFuzzTestInputs/); with
 * {@code JAZZER_FUZZ=1} Jazzer searches for new ones (docs/testing.md).
 */
class ReadersFuzzTest {
    private static final List<String> MISSING = List.of("", "NA", "NaN", "?");

    private static Path file(byte[] bytes, String suffix) {
        try {
            Path f = Files.createTempFile("triage-fuzz-", suffix);
            f.toFile().deleteOnExit();
            Files.write(f, bytes);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // the temporary folder is cleaned anyway
        }
    }

    @FuzzTest(maxDuration = "10m")
    void csvReader(byte[] bytes) {
        Path f = file(bytes, ".csv");
        try {
            for (Separator s : new Separator[] {Separator.AUTO, Separator.SEMICOLON}) {
                TableReader.read(f, s, MISSING);
                StreamingStats.read(f, s, MISSING);
            }
        } catch (InvalidInputException expected) {
            // refused with a message: fine
        } finally {
            delete(f);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void configBinder(byte[] bytes) {
        try {
            ConfigBinder.bind(YamlSource.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), "run.yaml",
                    Path.of("/nonexistent")));
        } catch (InvalidInputException expected) {
            // refused with a message: fine
        }
    }

    /** The bytes with a valid SHA-256 appended, so that the fuzzer gets past the checksum to the parser. */
    @FuzzTest(maxDuration = "10m")
    void modelAndCheckpointReader(byte[] bytes) throws Exception {
        byte[] all = Arrays.copyOf(bytes, bytes.length + 32);
        System.arraycopy(MessageDigest.getInstance("SHA-256").digest(bytes), 0, all, bytes.length, 32);
        Path f = file(all, ".ckpt");
        try {
            TrainedModel.load(f);
            Checkpoint.load(f);
        } catch (InvalidInputException expected) {
            // refused with a message: fine
        } finally {
            delete(f);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void telemetryReader(byte[] bytes) {
        Path f = file(bytes, ".jsonl");
        try {
            TelemetryReader.read(f);
        } catch (InvalidInputException expected) {
            // refused with a message: fine
        } finally {
            delete(f);
        }
    }
}
