package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input exits with 2 and one line that names the file, line or key and the fix. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private CliRun trainOn(Path csv, String... extra) {
        String[] base = {"train", "--data", csv.toString(), "--target", "y", "--set", "output.dir=" + dir.resolve("runs")};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static void assertBadInput(CliRun r, String... fragments) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as("exactly one line on stderr: " + r.err()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void brokenCsvFiles() throws IOException {
        assertBadInput(trainOn(file("empty.csv", "")), "empty.csv", "the file is empty");
        assertBadInput(trainOn(file("header.csv", "x,y\n")), "header.csv", "no data rows");
        assertBadInput(trainOn(file("ragged.csv", "x,y\n1,2\n3,4,5\n")), "ragged.csv:3", "3 fields but the header has 2");
        assertBadInput(trainOn(dir.resolve("missing.csv")), "missing.csv: file not found");
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) {
            sb.append(i == 30 ? "abc" : Integer.toString(i)).append(',').append(i % 7).append('\n');
        }
        assertBadInput(trainOn(file("typo.csv", sb.toString())), "typo.csv:32", "column 'x' (column 1)", "'abc'");
    }

    @Test
    void targetProblems() throws IOException {
        Path csv = file("ok.csv", "x,y\n1,2\n2,3\n3,5\n4,4\n");
        assertBadInput(CliRun.of("train", "--data", csv.toString(), "--target", "why"), "has no column 'why'", "did you mean 'y'?");
        assertBadInput(trainOn(file("one.csv", "x,y\n1,2\n2,2\n3,2\n")), "single value");
    }

    @Test
    void badConfigKeysAndValues() throws IOException {
        Path csv = file("ok.csv", "x,y\n1,2\n2,3\n3,5\n4,4\n");
        Path cfg = file("run.yaml", "data:\n  path: ok.csv\n  target: y\ntraining:\n  learnig_rate: 0.1\n");
        assertBadInput(CliRun.of("train", "--config", cfg.toString()), "run.yaml:5", "unknown key 'training.learnig_rate'",
                "did you mean 'training.learning_rate'?");
        assertBadInput(trainOn(csv, "--lr", "-0.1"), "training.learning_rate = -0.1 is out of range: must be > 0");
        assertBadInput(trainOn(csv, "--set", "model.dropout=1.0"), "model.dropout = 1.0 is out of range");
        assertBadInput(trainOn(csv, "--set", "training.epochs=many"), "training.epochs = 'many' must be an integer");
        assertBadInput(CliRun.of("train", "--config", dir.resolve("nope.yaml").toString()), "nope.yaml: file not found");
        assertBadInput(CliRun.of("train", "--bogus"), "Unknown option: '--bogus'");
        assertBadInput(CliRun.of("train", "--resume", dir.toString()), "--resume needs --epochs");
    }

    @Test
    void damagedModelFiles() throws IOException {
        Path csv = file("ok.csv", "x,y\n1,2\n2,3\n3,5\n4,4\n");
        assertBadInput(CliRun.of("predict", "--model", file("junk.triage", "not a model").toString(), "--data", csv.toString()),
                "not a Triage model or checkpoint file");
        byte[] header = {'T', 'R', 'I', 'A', 'G', 'E', 0, 'M', 0, 7, 0, 0, 0, 2, '{', '}'};
        Path future = dir.resolve("future.triage");
        Files.write(future, header);
        assertBadInput(CliRun.of("predict", "--model", future.toString(), "--data", csv.toString()), "file format 7");
    }
}
