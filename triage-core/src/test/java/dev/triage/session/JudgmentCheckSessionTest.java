package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.TestData;
import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data doctor ({@code triage check}) on real data edited the way issue 10 describes: leaks, holes, identifiers, pixels. */
class JudgmentCheckSessionTest {
    @TempDir
    Path dir;

    private RunConfig config(Path csv, String target, String... sets) {
        List<String> all = new ArrayList<>(List.of("data.path=" + csv, "data.target=" + target));
        all.addAll(List.of(sets));
        return RunConfig.load(null, all, dir);
    }

    private static List<Finding> codes(SessionResult r, String code) {
        return r.report().findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    /** A copy of a shared dataset with each line changed by {@code edit} (header included, as line 0). */
    private Path derived(String dataset, String name, java.util.function.BiFunction<Integer, String, String> edit) throws IOException {
        List<String> lines = Files.readAllLines(TestData.dataset(dataset));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(edit.apply(i, lines.get(i)));
        }
        Path p = dir.resolve(name);
        Files.write(p, out);
        return p;
    }

    @Test
    void rowsWithoutATargetAreNamedNotSilentlyDropped() throws IOException {
        Path holes = derived("wine_quality_red.csv", "holes.csv", (i, line) -> i == 6 || i == 51 ? line.substring(0,
                line.lastIndexOf(',') + 1) : line);
        SessionResult r = CheckSession.check(config(holes, "quality"), SessionOptions.quiet());
        assertThat(codes(r, "DATA_TARGET_MISSING")).singleElement().satisfies(f -> {
            assertThat(f.evidence().get("rows_without_target")).isEqualTo(2);
            assertThat(f.message()).contains("holes.csv row 6, holes.csv row 51");
        });
    }

    @Test
    void aRowNumberOnAFileSortedByClassLeaks() throws IOException {
        Path sorted = derived("iris.csv", "iris_ids.csv", (i, line) -> (i == 0 ? "row_id" : Integer.toString(i)) + "," + line);
        SessionResult r = CheckSession.check(config(sorted, "species", "data.task=classification"), SessionOptions.quiet());
        assertThat(codes(r, "DATA_TARGET_LEAK")).singleElement().extracting(Finding::where).isEqualTo("row_id");
        SessionResult plain = CheckSession.check(config(TestData.dataset("iris.csv"), "species", "data.task=classification"),
                SessionOptions.quiet());
        assertThat(codes(plain, "DATA_TARGET_LEAK")).isEmpty();
    }

    @Test
    void pixelsAlreadyInTheUnitRangeNeedNoScaling() throws IOException {
        Path unit = derived("digits_8x8.csv", "digits01.csv", (i, line) -> {
            if (i == 0) {
                return line;
            }
            String[] f = line.split(",");
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < f.length - 1; k++) {
                sb.append(Double.parseDouble(f[k]) / 16).append(',');
            }
            return sb.append(f[f.length - 1]).toString();
        });
        SessionResult r = CheckSession.check(config(unit, "digit", "data.task=classification", "data.preprocess.scale=none"),
                SessionOptions.quiet());
        assertThat(codes(r, "DATA_UNSCALED")).isEmpty();
    }

    @Test
    void anIdentifierColumnHasHighCardinality() {
        SessionResult r = CheckSession.check(config(TestData.dataset("auto_mpg.csv"), "mpg"), SessionOptions.quiet());
        assertThat(codes(r, "DATA_HIGH_CARDINALITY")).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("car_name");
            assertThat(f.remedies()).containsExactly(dev.triage.diagnose.Remedy.DROP_COLUMN);
        });
    }

    @Test
    void aBinnedCopyOfARegressionTargetLeaks() throws IOException {
        Path binned = derived("concrete_compressive_strength.csv", "binned.csv", (i, line) -> {
            String y = line.substring(line.lastIndexOf(',') + 1);
            return (i == 0 ? "band" : Integer.toString((int) (Double.parseDouble(y) / 10))) + "," + line;
        });
        SessionResult r = CheckSession.check(config(binned, "compressive_strength_mpa"), SessionOptions.quiet());
        assertThat(codes(r, "DATA_TARGET_LEAK")).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("band");
            assertThat(f.evidence().get("abs_correlation")).isLessThan(0.99);
        });
    }

    @Test
    void labelNoiseIsNotUnlearnable() throws IOException {
        java.util.Random flip = new java.util.Random(3);
        Path noisy = derived("breast_cancer_wisconsin.csv", "noisy.csv", (i, line) -> {
            if (i == 0 || flip.nextDouble() >= 0.3) {
                return line;
            }
            String label = line.substring(line.lastIndexOf(',') + 1);
            return line.substring(0, line.lastIndexOf(',') + 1) + ("0".equals(label) ? "1" : "0");
        });
        SessionResult r = CheckSession.check(config(noisy, "diagnosis"), SessionOptions.quiet());
        assertThat(codes(r, "DATA_NOT_LEARNABLE")).as("30% of the labels flipped; the linear baseline still beats trivial")
                .isEmpty();
    }
}
