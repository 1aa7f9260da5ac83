package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.TestData;
import dev.triage.config.RunConfig;
import dev.triage.probe.LrRangeTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sanity checks and the learning-rate range test on real configurations. */
class SanitySessionTest {
    @TempDir
    Path dir;

    private RunConfig config(String dataset, String target, String... sets) {
        List<String> all = new java.util.ArrayList<>(List.of("data.path=" + TestData.dataset(dataset), "data.target=" + target,
                "output.dir=" + dir));
        all.addAll(List.of(sets));
        return RunConfig.load(null, all, dir);
    }

    @Test
    void aCorrectPipelinePassesEveryCheck() {
        SessionResult r = SanitySession.run(config("wine_quality_red.csv", "quality", "model.hidden=[32, 16]"), SessionOptions.quiet());
        assertThat(r.report().findings()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aSoftmaxOverOneOutputCannotMemorizeEightExamples() {
        SessionResult r = SanitySession.run(config("breast_cancer_wisconsin.csv", "diagnosis", "model.output_activation=softmax",
                "model.loss=binary_cross_entropy"), SessionOptions.quiet());
        assertThat(r.report().findings()).extracting(f -> f.where()).contains("overfit-8");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void batchNormIsNotReportedAsABatchMixingBug() {
        SessionResult r = SanitySession.run(config("wine_quality_red.csv", "quality", "model.batch_norm=true"), SessionOptions.quiet());
        assertThat(r.report().findings()).noneMatch(f -> f.where().equals("batch-independence"));
    }

    @Test
    void theRangeTestSuggestsAUsableRateAndWritesTheCurve() throws Exception {
        LrRangeTest.Result r = LrFindSession.run(config("wine_quality_red.csv", "quality"), SessionOptions.quiet());
        assertThat(r.suggested()).isBetween(1e-4, 0.1);
        assertThat(r.points()).hasSizeGreaterThan(50);
        try (var runs = Files.list(dir)) {
            Path folder = runs.filter(p -> p.getFileName().toString().contains("lr-find")).findFirst().orElseThrow();
            assertThat(Files.readAllLines(folder.resolve("lr_find.csv")).get(0)).isEqualTo("step,learning_rate,loss,smoothed_loss");
        }
    }
}
