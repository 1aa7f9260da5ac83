package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The steps of a kill -9 test: a run in a child JVM, the kill, the resume, and the byte comparison. */
final class KillCampaign {
    /** Files a resumed run must reproduce byte for byte (timings aside). */
    static final List<String> SAME_BYTES = List.of("model.triage", "metrics.csv", "checkpoints/last.ckpt",
            "checkpoints/best.ckpt", "run.yaml");

    private KillCampaign() {
    }

    /** 60 rows of a,b,c,y with y = a+b+c+noise, and the configuration next to it. */
    static Path writeRun(Path dir, String config) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,y\n");
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 60; i++) {
            double a = r.nextDouble() * 2 - 1;
            double b = r.nextDouble() * 2 - 1;
            double c = r.nextDouble() * 2 - 1;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f%n", a, b, c, a + b + c + r.nextGaussian() * 0.1));
        }
        Files.writeString(dir.resolve("good.csv"), csv);
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, config);
        return file;
    }

    /**
     * Kills a training run after {@code epochs} rows reached metrics.csv (0: as soon as its folder exists), then resumes it;
     * the resumed run must end with the uninterrupted run's exit code {@code exit}.
     */
    static String killAndResume(Path config, int epochs, int total, Path reference, int exit) throws Exception {
        Path run = startAndKill(config, epochs);
        int saved = Files.exists(run.resolve("metrics.csv")) ? epochs(run) : 0;
        if (Files.isDirectory(run.resolve("checkpoints"))) { // as a kill during a checkpoint's write leaves them
            Files.writeString(run.resolve("checkpoints/.last.ckpt.8812731.tmp"), "half a checkpoint");
            Files.writeString(run.resolve(".model.triage.5550123.tmp"), "half a model");
        }
        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--epochs", Integer.toString(total), "-q");
        String outcome = "killed at " + saved + " -> ";
        if (resumed.exit() == 2 && resumed.err().contains("no checkpoint yet")) {
            deleteTree(run);
            return outcome + "no checkpoint yet";
        }
        assertThat(resumed.exit()).as("resume after a kill at epoch %d: %s", saved, resumed.err()).isEqualTo(exit);
        assertSameRun(run, reference, "a kill at epoch " + saved);
        deleteTree(run);
        return outcome + "identical";
    }

    /** Interrupts a training run (SIGINT, as Ctrl-C sends) once it has {@code epochs} epochs, then resumes it. */
    static String interruptAndResume(Path config, int epochs, int total, Path reference, int signals, int exit) throws Exception {
        Path out = config.getParent().resolve("interrupted.out");
        Process p = child(config).redirectOutput(out.toFile()).start();
        Path runs = config.getParent().resolve("runs");
        while (p.isAlive() && !reached(runs, epochs)) {
            Thread.sleep(1);
        }
        for (int i = 0; i < signals; i++) {
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the run ends after Ctrl-C").isTrue();
        assertThat(p.exitValue()).as("exit code after Ctrl-C").isEqualTo(130);
        Path run = onlyRunFolder(runs);
        if (signals == 1) {
            assertThat(Files.readString(out)).contains("summary").contains("(interrupted)").contains("stopped: interrupted")
                    .contains("continue with: triage train --resume");
            assertThat(Files.readString(run.resolve("report.json"))).contains("\"stop_reason\" : \"interrupted\"");
        }
        int saved = epochs(run);
        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--epochs", Integer.toString(total), "-q");
        assertThat(resumed.exit()).as("resume after Ctrl-C at epoch %d: %s", saved, resumed.err()).isEqualTo(exit);
        assertSameRun(run, reference, "Ctrl-C at epoch " + saved);
        deleteTree(run);
        return "interrupted (" + signals + "x Ctrl-C) at " + saved + " -> identical";
    }

    private static void assertSameRun(Path run, Path reference, String when) throws Exception {
        for (String f : SAME_BYTES) {
            assertThat(sha256(run.resolve(f))).as("SHA-256 of %s after %s", f, when).isEqualTo(sha256(reference.resolve(f)));
        }
        List<String> signals = withoutTimings(run.resolve("signals.jsonl"));
        List<String> expected = withoutTimings(reference.resolve("signals.jsonl"));
        for (int i = 0; i < Math.max(signals.size(), expected.size()); i++) {
            assertThat(i < signals.size() ? signals.get(i) : "(none)").as("line %d of the doctor's signals after %s", i + 1, when)
                    .isEqualTo(i < expected.size() ? expected.get(i) : "(none)");
        }
        assertThat(temporaryFiles(run)).as("temporary files of an interrupted write").isEmpty();
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** {@code triage train --config CONFIG -q} in a JVM of its own. */
    private static ProcessBuilder child(Path config) {
        return jvm("-Xmx512m", "train", "--config", config.toString(), "-q").redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    /** The command line's main class in a JVM of its own with the heap {@code xmx} ({@code -Xmx100m}). */
    static ProcessBuilder jvm(String xmx, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", xmx, "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    static Path startAndKill(Path config, int epochs) throws Exception {
        Path runs = config.getParent().resolve("runs");
        Process p = child(config).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (p.isAlive() && !reached(runs, epochs)) {
                Thread.sleep(1);
            }
        } finally {
            p.destroyForcibly(); // SIGKILL
            p.waitFor(30, TimeUnit.SECONDS);
        }
        return onlyRunFolder(runs);
    }

    private static boolean reached(Path runs, int epochs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        List<Path> folders = KillAndResumeTest.files(runs);
        if (folders.isEmpty()) {
            return false;
        }
        if (epochs == 0) {
            return true;
        }
        Path metrics = folders.get(0).resolve("metrics.csv");
        try {
            return Files.exists(metrics) && epochs(folders.get(0)) >= epochs;
        } catch (IOException e) {
            return false;
        }
    }

    static int epochs(Path run) throws IOException {
        try (Stream<String> lines = Files.lines(run.resolve("metrics.csv"))) {
            return (int) Math.max(0, lines.count() - 1);
        }
    }

    static Path onlyRunFolder(Path runs) throws IOException {
        List<Path> folders = KillAndResumeTest.files(runs);
        assertThat(folders).hasSize(1);
        return folders.get(0);
    }

    private static List<String> withoutTimings(Path signals) throws IOException {
        try (Stream<String> lines = Files.lines(signals)) {
            return lines.map(l -> l.replaceAll("\"seconds\":[^,}]*", "")).toList();
        }
    }

    private static List<String> temporaryFiles(Path run) throws IOException {
        try (Stream<Path> s = Files.walk(run)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
