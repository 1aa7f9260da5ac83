package dev.triage.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.diagnose.data.ClassMissingInSplitRule;
import dev.triage.diagnose.data.SplitShiftRule;
import dev.triage.probe.log.ColumnShift;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.SplitClasses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The split rules' quiet cases, bounds and evidence (their firing cases are in {@link DataRulesTest}). */
class SplitRulesBoundaryTest {
    private static RunLog with(boolean shuffled, DataSignals d) {
        Logs.Setup s = new Logs.Setup();
        s.shuffled = shuffled;
        RunLog log = Logs.log(s);
        log.setData(d);
        return log;
    }

    private static DataSignals classes(long[] train, long[] validation, long[] test) {
        SplitClasses c = new SplitClasses(List.of("a", "b"), train, validation, test);
        return new DataSignals("d.csv", 100, 70, 15, 15, false, List.of(), c, new DuplicateRows(100, 0, 0), List.of(), List.of(),
                List.of(), 0, 0);
    }

    @Test
    void classesInEverySplitOrRegressionAreQuiet() {
        ClassMissingInSplitRule rule = new ClassMissingInSplitRule();
        assertThat(rule.check(with(true, classes(new long[] {40, 30}, new long[] {8, 7}, new long[] {9, 6})))).isEmpty();
        assertThat(rule.check(with(true, classes(new long[] {40, 30}, new long[] {8, 7}, new long[] {0, 0}))))
                .as("no test rows at all: no split is missing a class").isEmpty();
        DataSignals regression = new DataSignals("d.csv", 100, 70, 30, 0, false, List.of(), null, new DuplicateRows(100, 0, 0),
                List.of(), List.of(), List.of(), 0, 0);
        assertThat(rule.check(with(true, regression))).isEmpty();
    }

    @Test
    void aClassOfFiveRowsIsAnErrorAndOfFourAWarning() {
        ClassMissingInSplitRule rule = new ClassMissingInSplitRule();
        List<Finding> five = rule.check(with(true, classes(new long[] {60, 4}, new long[] {14, 1}, new long[] {15, 0})));
        assertThat(five).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.where()).isEqualTo("class 'b'");
            assertThat(f.message()).isEqualTo("class 'b' (5 rows) is absent from the test split");
            assertThat(f.evidence().asMap()).containsExactly(Map.entry("train_rows", 4.0), Map.entry("validation_rows", 1.0),
                    Map.entry("test_rows", 0.0));
            assertThat(f.remedies()).containsExactly(Remedy.STRATIFY_SPLIT);
        });
        List<Finding> four = rule.check(with(true, classes(new long[] {60, 4}, new long[] {15, 0}, new long[] {15, 0})));
        assertThat(four).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("class 'b' (4 rows) is absent from the validation and test splits");
        });
        List<Finding> unshuffled = rule.check(with(false, classes(new long[] {60, 0}, new long[] {0, 15}, new long[] {0, 15})));
        assertThat(unshuffled).extracting(Finding::where).containsExactly("class 'a'", "class 'b'");
        assertThat(unshuffled.get(1).message()).isEqualTo("class 'b' (30 rows) is absent from the training split; the rows were"
                + " not shuffled");
        assertThat(unshuffled.get(1).remedies()).containsExactly(Remedy.SHUFFLE_SPLIT, Remedy.STRATIFY_SPLIT);
    }

    private static DataSignals shifted(boolean separate, ColumnShift... shifts) {
        return new DataSignals("t.csv", 400, 300, 0, 100, separate, List.of(), null, new DuplicateRows(400, 0, 0), List.of(),
                List.of(), List.of(shifts), 0, 0);
    }

    @Test
    void theMeanShiftIsJudgedInPooledDeviations() {
        SplitShiftRule rule = new SplitShiftRule();
        assertThat(rule.check(with(true, shifted(false, new ColumnShift("x", 0.5, 1.0, 1.0, 300, 100))))).as("both on the bound")
                .isEmpty();
        assertThat(rule.check(with(true, shifted(false, new ColumnShift("x", 0.1, 4.5, 7.0, 300, 100)))))
                .as("4.5 training deviations are 0.9 pooled ones: sqrt((1 + 49) / 2) = 5").isEmpty();
        assertThat(rule.check(with(true, shifted(false, new ColumnShift("x", 0.1, -5.5, 7.0, 300, 100))))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.where()).isEqualTo("x");
                    assertThat(f.message()).isEqualTo("x is distributed differently in the test rows: its mean is -5.5 training"
                            + " standard deviations away (spread ratio 7, KS 0.1)");
                    assertThat(f.evidence().asMap()).containsExactly(Map.entry("mean_shift_in_std", -5.5),
                            Map.entry("mean_shift_in_pooled_std", -1.1), Map.entry("ks", 0.1), Map.entry("std_ratio", 7.0),
                            Map.entry("mean_shift_bound", 1.0), Map.entry("ks_bound", 0.5));
                    assertThat(f.remedies()).containsExactly(Remedy.SHUFFLE_SPLIT);
                });
        assertThat(rule.check(with(true, shifted(false, new ColumnShift("x", 0.51, 0, 1, 300, 100))))).as("KS alone").hasSize(1);
        assertThat(rule.check(with(true, shifted(false, new ColumnShift("x", 0.3, 2, Double.NaN, 300, 100)))))
                .as("no spread ratio: training deviations").hasSize(1);
    }

    @Test
    void fewerThanTwentyRowsOnEitherSideAreNotJudged() {
        SplitShiftRule rule = new SplitShiftRule();
        assertThat(rule.check(with(true, shifted(true, new ColumnShift("x", 0.9, 3, 1, 19, 100))))).isEmpty();
        assertThat(rule.check(with(true, shifted(true, new ColumnShift("x", 0.9, 3, 1, 300, 19))))).isEmpty();
        assertThat(rule.check(with(true, shifted(true, new ColumnShift("x", 0.9, 3, 1, 20, 20))))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).endsWith("; the test file may use other units");
                });
    }
}
