package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs a user can legally give end in a one-line answer with exit 2, never in an internal error. */
class LegalInputsTest {
    @TempDir
    Path dir;

    private CliRun train(String... sets) throws Exception {
        Path config = KillCampaign.writeRun(dir, ResumeTest.CONFIG);
        String[] args = {"train", "--config", config.toString(), "-q"};
        for (String s : sets) {
            args = Arrays.copyOf(args, args.length + 2);
            args[args.length - 2] = "--set";
            args[args.length - 1] = s;
        }
        return CliRun.of(args);
    }

    @Test
    void hiddenSizesTheEngineCannotHoldAreRefusedWithTheLimit() throws Exception {
        for (String hidden : new String[] {"[46341,46341]", "[65536,65536]"}) {
            CliRun r = train("model.hidden=" + hidden);
            assertThat(r.exit()).as(hidden + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("model.hidden").contains("parameters; the engine holds at most 2,147,483,639");
            assertThat(r.err().lines().count()).isEqualTo(1);
        }
    }

    @Test
    void aMemoryErrorStopsTheRunBeforeAnythingIsAllocated() throws Exception {
        // 268M parameters: about 8 GB to train, far beyond the tests' heap; allocating would end in OutOfMemoryError
        CliRun r = train("model.hidden=[16384,16384]");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("triage: CONFIG_MEMORY: training needs about").contains("nothing was allocated");
        assertThat(r.err().lines().count()).isEqualTo(1);
        Path run = KillCampaign.onlyRunFolder(dir.resolve("runs"));
        assertThat(Files.readString(run.resolve("report.json"))).contains("CONFIG_MEMORY");
        assertThat(run.resolve("checkpoints")).doesNotExist();
        CliRun off = train("model.hidden=[16384,16384]", "doctor.enabled=false");
        assertThat(off.exit()).as(off.err()).isEqualTo(2);
        assertThat(off.err()).contains("CONFIG_MEMORY: training needs about");
    }

    @Test
    void aDataFileThatCannotFitInTheHeapIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("big.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(big))) {
            out.write("a,b,c,y\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] rows = "0.5,1.5,2.5,3.5\n".repeat(10_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                out.write(rows);
            }
        }
        Process p = KillCampaign.jvm("-Xmx64m", "train", "--data", big.toString(), "--target", "y", "-q")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(2);
        assertThat(err.lines().filter(l -> !l.startsWith("WARNING: Using incubator"))).singleElement().asString()
                .contains("2,000,001 rows x 4 columns need about").contains("but the JVM may use");
    }

    @Test
    void aModelFileWithAValidChecksumButADamagedHeaderIsRefusedInOneLine() throws Exception {
        assertThat(train().exit()).isEqualTo(1);
        Path model = KillCampaign.onlyRunFolder(dir.resolve("runs")).resolve("model.triage");
        byte[] good = Files.readAllBytes(model);
        int at = 7 + 1 + 2; // magic, kind, version: then the header length
        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).putInt(at, 0x7fffffff);
        byte[] garbage = good.clone();
        garbage[at + 4] = (byte) 0xff;
        garbage[at + 5] = '#';
        for (byte[] bad : new byte[][] {huge, garbage}) {
            Path f = dir.resolve("bad.triage");
            Files.write(f, withChecksum(bad));
            CliRun r = CliRun.of("predict", "--model", f.toString(), "--data", dir.resolve("good.csv").toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("bad.triage: damaged header");
            assertThat(r.err().lines().count()).isEqualTo(1);
        }
    }

    @Test
    void anOutputThatIsOneOfTheInputsIsRefusedWhateverPathNamesIt() throws Exception {
        assertThat(train().exit()).isEqualTo(1);
        Path model = KillCampaign.onlyRunFolder(dir.resolve("runs")).resolve("model.triage");
        Path data = dir.resolve("good.csv");
        byte[] modelBytes = Files.readAllBytes(model);
        byte[] dataBytes = Files.readAllBytes(data);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data);
        Path roundabout = dir.resolve("runs").resolve("..").resolve("good.csv");
        String[][] cases = {
            {"predict", "--model", model.toString(), "--data", data.toString(), "--out", model.toString()},
            {"predict", "--model", model.toString(), "--data", data.toString(), "--out", link.toString()},
            {"train", "--config", dir.resolve("run.yaml").toString(), "-q", "--json", roundabout.toString()},
            {"train", "--config", dir.resolve("run.yaml").toString(), "-q", "--json", dir.resolve("run.yaml").toString()},
            {"check", "--data", data.toString(), "--target", "y", "--json", link.toString()}};
        for (String[] c : cases) {
            CliRun r = CliRun.of(c);
            assertThat(r.exit()).as(String.join(" ", c) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("is the input").contains("inputs are never overwritten");
        }
        assertThat(Files.readAllBytes(model)).isEqualTo(modelBytes);
        assertThat(Files.readAllBytes(data)).isEqualTo(dataBytes);
    }

    private static byte[] withChecksum(byte[] file) throws Exception {
        int body = file.length - 32;
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(file, body));
        byte[] out = file.clone();
        System.arraycopy(digest, 0, out, body, 32);
        return out;
    }
}
