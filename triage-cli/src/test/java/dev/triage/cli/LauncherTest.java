package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code triage} launcher script, run by bash in a copy of the checkout's layout where {@code java}
 * and {@code mvn} are stand-ins: symbolic links and other folders, the stderr filter, the build lock.
 */
class LauncherTest {
    static final String INCUBATOR = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir
    Path dir;

    /** The checkout's layout with the real launcher, a jar, and stand-ins for java and mvn. */
    private Path checkout() throws Exception {
        Path root = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(Path.of("..", "triage"), root.resolve("triage"));
        for (String d : List.of("triage-core/src/main", "triage-cli/src/main", "triage-cli/target", "jdk/bin", "bin")) {
            Files.createDirectories(root.resolve(d));
        }
        for (String f : List.of("pom.xml", "triage-core/pom.xml", "triage-cli/pom.xml", "triage-core/src/main/A.java")) {
            Files.writeString(root.resolve(f), "x");
        }
        Path jar = Files.writeString(root.resolve("triage-cli/target/triage.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        script(root.resolve("jdk/bin/java"), """
                printf 'args:%s\\n' "$*"
                printf '%s\\n' '""" + INCUBATOR + """
                ' >&2
                printf 'a message with a NUL \\000 byte and \\377\\n' >&2
                exit 7
                """);
        script(root.resolve("bin/mvn"), """
                echo build >> "$MVN_LOG"
                sleep 1
                touch triage-cli/target/triage.jar
                """);
        return root;
    }

    private static void script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Process launch(Path root, Path launcher, Path cwd, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        return environment(root, new ProcessBuilder(cmd).directory(cwd.toFile())).start();
    }

    private ProcessBuilder environment(Path root, ProcessBuilder pb) {
        pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("MVN_LOG", dir.resolve("mvn.log").toString());
        return pb;
    }

    @Test
    void worksThroughASymbolicLinkFromAnyFolderAndPassesStderrThroughByteForByte() throws Exception {
        Path root = checkout();
        Path bin = Files.createDirectories(dir.resolve("home/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("triage"), root.resolve("triage"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        // The launcher execs java, so its stderr filter may still be writing when the process has exited,
        // and Java's Process drains and closes a child's pipes at exit: read the filtered stderr through an
        // outer pipeline that ends only when the filter has closed it.
        Path outFile = dir.resolve("out.txt");
        ProcessBuilder pb = environment(root, new ProcessBuilder("bash", "-c",
                "bash \"$@\" 2>&1 >\"$LAUNCH_OUT\" | cat; exit \"${PIPESTATUS[0]}\"",
                "launch", link.toString(), "train", "--data", "x.csv").directory(elsewhere.toFile()));
        pb.environment().put("LAUNCH_OUT", outFile.toString());
        Process p = pb.start();
        byte[] err = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as("the program's exit code").isEqualTo(7);
        String out = Files.readString(outFile, StandardCharsets.UTF_8);
        assertThat(out).contains("-jar " + root.toRealPath().resolve("triage-cli/target/triage.jar") + " train --data x.csv");
        String text = new String(err, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain(INCUBATOR).doesNotContain("matches")
                .isEqualTo("a message with a NUL \u0000 byte and \u00ff\n");
        assertThat(dir.resolve("mvn.log")).doesNotExist();
    }

    @Test
    void twoLaunchesAfterASourceChangeBuildOnce() throws Exception {
        Path root = checkout();
        Files.setLastModifiedTime(root.resolve("triage-cli/target/triage.jar"), FileTime.fromMillis(1000));
        Process a = launch(root, root.resolve("triage"), dir, "--version");
        Process b = launch(root, root.resolve("triage"), dir, "--version");
        assertThat(a.waitFor(30, TimeUnit.SECONDS) && b.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).isEqualTo(7);
        assertThat(b.exitValue()).isEqualTo(7);
        assertThat(Files.readAllLines(dir.resolve("mvn.log"))).as("builds").containsExactly("build");
    }

    @Test
    void noCommandPrintsTheUsageAndExits2() {
        CliRun r = CliRun.of();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: triage").contains("train");
    }
}
