package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lr-find draws its chart beside the CSV; compare puts run folders side by side. */
class PlotsTest {
    @TempDir
    Path dir;

    @Test
    void lrFindWritesAChartBesideTheCurve() throws Exception {
        CliRun r = CliRun.of("lr-find", "--data", CliRun.dataset("wine_quality_red.csv").toString(), "--target", "quality",
                "--set", "output.dir=" + dir);
        assertThat(r.exit()).as(r.err()).isZero();
        Path folder;
        try (Stream<Path> s = Files.list(dir)) {
            folder = s.findFirst().orElseThrow();
        }
        assertThat(folder.resolve("lr_find.csv")).exists();
        assertThat(r.out()).contains("chart: " + folder.resolve("lr_find.html"));
        String html = Files.readString(folder.resolve("lr_find.html"));
        assertThat(html).contains("data-chart=\"lr-find\"", "data-marker=\"suggested=", "data-marker=\"diverged=", ">1e-7<", ">10<",
                "data-series=\"smoothed loss\"", "--set training.learning_rate=").doesNotContain("<script");
    }

    @Test
    void compareShowsTheRunsSideBySide() throws Exception {
        Path a = train("slow", "0.0003");
        Path b = train("fast", "0.003");
        Path page = dir.resolve("compare.html");
        CliRun r = CliRun.of("compare", a.toString(), b.toString(), "--out", page.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("settings that differ", "training.learning_rate: 0.0003 | 0.003", "compare page: " + page);
        String html = Files.readString(page);
        assertThat(html).contains("data-chart=\"compare-val-loss\"", "data-chart=\"compare-val-metric\"",
                "data-key=\"training.learning_rate\"", "data-runs=\"2\"", "class=\"best\"").doesNotContain("output.name");
        CliRun one = CliRun.of("compare", a.toString());
        assertThat(one.exit()).isEqualTo(2);
        CliRun notARun = CliRun.of("compare", a.toString(), dir.toString(), "--out", page.toString());
        assertThat(notARun.exit()).isEqualTo(2);
        assertThat(notARun.err()).contains("no report.json or run.yaml").doesNotContain("Exception");
    }

    private Path train(String name, String lr) throws Exception {
        CliRun r = CliRun.of("train", "--data", CliRun.dataset("iris.csv").toString(), "--target", "species", "--task",
                "classification", "--epochs", "15", "--lr", lr, "--set", "output.dir=" + dir.resolve(name), "-q");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        try (Stream<Path> s = Files.list(dir.resolve(name))) {
            return s.findFirst().orElseThrow();
        }
    }
}
