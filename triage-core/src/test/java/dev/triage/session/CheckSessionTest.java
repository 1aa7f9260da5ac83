package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.TestData;
import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code triage check} on the real datasets, as they are, and on broken input. */
class CheckSessionTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private SessionResult check(Path csv, String target, String... sets) {
        List<String> all = new ArrayList<>(List.of("data.path=" + csv, "data.target=" + target));
        all.addAll(List.of(sets));
        SessionOptions o = new SessionOptions(new PrintStream(printed, true, StandardCharsets.UTF_8), null, false,
                Clock.systemDefaultZone());
        return CheckSession.check(RunConfig.load(null, all, dir), o);
    }

    private SessionResult sampled(Path csv, String target, int sampleRows, String... sets) {
        List<String> all = new ArrayList<>(List.of("data.path=" + csv, "data.target=" + target));
        all.addAll(List.of(sets));
        SessionOptions o = new SessionOptions(new PrintStream(printed, true, StandardCharsets.UTF_8), null, false,
                Clock.systemDefaultZone());
        return CheckSession.check(RunConfig.load(null, all, dir), o, sampleRows);
    }

    @Test
    void aFileLargerThanTheSampleKeepsExactCountsAndTheSameFindings() {
        SessionResult full = check(TestData.dataset("adult_train.csv"), "income");
        SessionResult part = sampled(TestData.dataset("adult_train.csv"), "income", 8000);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("profiled all 32561 rows",
                "random sample of 8000 rows");
        assertThat(part.report().data().rows()).isEqualTo(32561);
        assertThat(codes(part, "DATA_NON_FINITE")).singleElement().satisfies(f -> {
            assertThat(f.evidence().get("workclass")).isEqualTo(1836);
            assertThat(f.evidence().get("occupation")).isEqualTo(1843);
            assertThat(f.evidence().get("native_country")).isEqualTo(583);
        });
        assertThat(part.report().findings().stream().map(Finding::code).distinct().sorted().toList())
                .isEqualTo(full.report().findings().stream().map(Finding::code).distinct().sorted().toList());
        SessionResult california = sampled(TestData.dataset("california_housing.csv"), "median_house_value", 5000,
                "data.preprocess.scale=none");
        assertThat(codes(california, "DATA_NON_FINITE")).singleElement()
                .satisfies(f -> assertThat(f.evidence().get("total_bedrooms")).isEqualTo(207));
        assertThat(codes(california, "DATA_UNSCALED")).hasSize(1);
    }

    private static List<Finding> codes(SessionResult r, String code) {
        return r.report().findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void californiaHasItsMissingBedroomsAndIsUnscaledWithoutScaling() {
        SessionResult r = check(TestData.dataset("california_housing.csv"), "median_house_value", "data.preprocess.scale=none");
        assertThat(codes(r, "DATA_NON_FINITE")).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("total_bedrooms");
            assertThat(f.evidence().get("total_bedrooms")).isEqualTo(207);
        });
        assertThat(codes(r, "DATA_UNSCALED")).hasSize(1);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("total_bedrooms").contains("207 (1%)");
        SessionResult scaled = check(TestData.dataset("california_housing.csv"), "median_house_value");
        assertThat(codes(scaled, "DATA_UNSCALED")).as("the default config scales").isEmpty();
    }

    @Test
    void adultHasItsThreeIncompleteColumnsAndIsNotImbalancedEnough() {
        SessionResult r = check(TestData.dataset("adult_train.csv"), "income");
        assertThat(codes(r, "DATA_NON_FINITE")).singleElement().satisfies(f -> {
            assertThat(f.evidence().get("workclass")).isEqualTo(1836);
            assertThat(f.evidence().get("occupation")).isEqualTo(1843);
            assertThat(f.evidence().get("native_country")).isEqualTo(583);
        });
        assertThat(codes(r, "DATA_CLASS_IMBALANCE")).as("24% >50K is above the 1:10 bound").isEmpty();
    }

    @Test
    void cleanDatasetsHaveNoErrorFinding() {
        for (String[] d : new String[][] {{"iris.csv", "species", "data.task=classification"},
            {"wine_quality_red.csv", "quality", "data.task=regression"}, {"breast_cancer_wisconsin.csv", "diagnosis", "data.task=auto"}}) {
            SessionResult r = check(TestData.dataset(d[0]), d[1], d[2]);
            assertThat(r.report().findings()).as(d[0]).noneMatch(f -> f.severity() == Severity.ERROR);
            assertThat(r.report().baselines().results()).hasSize(3);
        }
    }

    @Test
    void badInputIsExplainedInOneLine() throws Exception {
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "a,b,y\n1,x,2\n2,y,3\n3,z,2\n4,x,5\n");
        assertThatThrownBy(() -> check(csv, "nope")).isInstanceOf(InvalidInputException.class).hasMessageContaining("no column 'nope'");
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "a,y\nu,1\nv,2\nw,1\n");
        assertThatThrownBy(() -> check(text, "y", "data.preprocess.categorical=drop")).hasMessageContaining("no numeric feature");
        Path single = dir.resolve("single.csv");
        Files.writeString(single, "a,y\n1,7\n2,7\n3,7\n");
        assertThatThrownBy(() -> check(single, "y")).hasMessageContaining("single value");
        Path test = dir.resolve("test.csv");
        Files.writeString(test, "a,c,y\n1,2,3\n");
        assertThatThrownBy(() -> check(csv, "y", "data.test_path=" + test)).hasMessageContaining("missing: b").hasMessageContaining("extra: c");
    }

    @Test
    void hostileColumnNamesArePrintedHarmlessly() throws Exception {
        Path csv = dir.resolve("h.csv");
        StringBuilder sb = new StringBuilder("\"\u001b[31m<script>alert(1)</script>\",y\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i).append(',').append(i % 3).append('\n');
        }
        Files.writeString(csv, sb.toString());
        check(csv, "y");
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b").contains("\\u001b[31m<script>");
    }
}
