package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's first build, with a stand-in Maven that prints colour codes as Debian's Maven does even
 * in batch mode: redirected standard error stays plain text.
 */
class LauncherOutputTest {
    @TempDir
    Path dir;

    @Test
    void theFirstBuildPrintsNoColourCodesToARedirectedStandardError() throws Exception {
        Path root = dir.resolve("checkout");
        Files.createDirectories(root.resolve("triage-cli"));
        Files.copy(Path.of("../triage"), root.resolve("triage"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("mvn"), "#!/bin/sh\nprintf '\\033[0m\\033[0m' >&2\nprintf '\\033[1mbuilt\\033[0m\\n'\n"
                + "mkdir -p triage-cli/target && : > triage-cli/target/triage.jar\n");
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin"));
        script(javaHome.resolve("java"), "#!/bin/sh\necho 'triage 0.1.0'\n");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("triage").toString(), "--version")
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        assertThat(pb.start().waitFor()).isZero();
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(err).contains("building the jar", "built").doesNotContain("\u001b");
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("triage 0.1.0");
    }

    private static void script(Path p, String text) throws Exception {
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
